declare module "student";
