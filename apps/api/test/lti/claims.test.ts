// The claim checks on the shape of the LTI Core 1.3 specification's example resource link
// launch (§5, its published example message) and Deep Linking 2.0's request example; context
// roles to course roles.
import { describe, expect, it } from "vitest";
import { CLAIM, LtiLaunchError, courseRoleOf, readLaunchClaims } from "../../src/lti/claims.ts";

const CLIENT = "962fa4d8-bcbf-49a0-94b2-2de05ad274af";
const DEPLOYMENT = "07940580-b309-415e-a37c-914d387c1150";

/** The Core specification's example launch, claim for claim. */
const coreExample = () => ({
  iss: "https://platform.example.edu",
  sub: "a6d5c443-1f51-4783-ba1a-7686ffe3b54a",
  aud: [CLIENT],
  exp: 1510185728,
  iat: 1510185228,
  azp: CLIENT,
  nonce: "fc5fdc6d-5dd6-47f4-b2c9-5d1216e9b771",
  name: "Ms Jane Marie Doe",
  given_name: "Jane",
  family_name: "Doe",
  middle_name: "Marie",
  picture: "https://platform.example.edu/jane.jpg",
  email: "jane@platform.example.edu",
  locale: "en-US",
  "https://purl.imsglobal.org/spec/lti/claim/deployment_id": DEPLOYMENT,
  "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
  "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
  "https://purl.imsglobal.org/spec/lti/claim/roles": [
    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
  ],
  "https://purl.imsglobal.org/spec/lti/claim/role_scope_mentor": ["fad5fb29-a91c-770-3c110-1e687120efd9"],
  "https://purl.imsglobal.org/spec/lti/claim/context": {
    id: "c1d887f0-a1a3-4bca-ae25-c375edcc131a",
    label: "ECON 1010",
    title: "Economics as a Social Science",
    type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"],
  },
  "https://purl.imsglobal.org/spec/lti/claim/resource_link": {
    id: "200d101f-2c14-434a-a0f3-57c2a42369fd",
    description: "Assignment to introduce who you are",
    title: "Introduction Assignment",
  },
  "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": "https://tool.example.com/lti/launch",
  "https://purl.imsglobal.org/spec/lti/claim/tool_platform": { guid: "ex/48bbb541-ce55-456e-8b7d-ebc59a38d435", name: "Example Platform" },
  "https://purl.imsglobal.org/spec/lti/claim/launch_presentation": { document_target: "iframe", height: 320, width: 240, return_url: "https://platform.example.edu/terms/201601/courses/7/sections/1/resources/2" },
  "https://purl.imsglobal.org/spec/lti/claim/custom": { xstart: "2017-04-21T01:00:00Z", request_url: "https://tool.com/link/123" },
  "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
    scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
    lineitems: "https://platform.example.edu/2344/lineitems/",
    lineitem: "https://platform.example.edu/2344/lineitems/1234/lineitem",
  },
  "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
    context_memberships_url: "https://platform.example.edu/2344/memberships",
    service_versions: ["2.0"],
  },
});

const opts = { clientId: CLIENT, nonce: "fc5fdc6d-5dd6-47f4-b2c9-5d1216e9b771", deployments: new Set([DEPLOYMENT]) };

describe("launch claims", () => {
  it("reads the specification's example launch", () => {
    const claims = readLaunchClaims(coreExample(), opts);
    expect(claims).toMatchObject({
      messageType: "LtiResourceLinkRequest",
      sub: "a6d5c443-1f51-4783-ba1a-7686ffe3b54a",
      deploymentId: DEPLOYMENT,
      name: "Ms Jane Marie Doe",
      email: "jane@platform.example.edu",
      context: { id: "c1d887f0-a1a3-4bca-ae25-c375edcc131a", title: "Economics as a Social Science" },
      resourceLinkId: "200d101f-2c14-434a-a0f3-57c2a42369fd",
      custom: { xstart: "2017-04-21T01:00:00Z", request_url: "https://tool.com/link/123" },
      ags: { lineItems: "https://platform.example.edu/2344/lineitems/", lineItem: "https://platform.example.edu/2344/lineitems/1234/lineitem" },
      membershipsUrl: "https://platform.example.edu/2344/memberships",
    });
    expect(courseRoleOf(claims.roles)).toBe("student");
  });

  it("reads Deep Linking 2.0's request settings, echoing data", () => {
    const payload: Record<string, unknown> = coreExample();
    delete payload[CLAIM.resourceLink];
    payload[CLAIM.messageType] = "LtiDeepLinkingRequest";
    payload[CLAIM.deepLinkingSettings] = {
      deep_link_return_url: "https://platform.example/deep_links",
      accept_types: ["link", "file", "html", "ltiResourceLink", "image"],
      accept_media_types: "image/*,text/html",
      accept_presentation_document_targets: ["iframe", "window", "embed"],
      accept_multiple: true,
      auto_create: true,
      title: "This is the default title",
      text: "This is the default text",
      data: "csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53",
    };
    expect(readLaunchClaims(payload, opts).deepLinking).toEqual({
      returnUrl: "https://platform.example/deep_links",
      acceptTypes: ["link", "file", "html", "ltiResourceLink", "image"],
      acceptMultiple: true,
      acceptLineItem: true,
      data: "csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53",
    });
  });

  it("refuses what the checks name", () => {
    const refused = (change: (p: Record<string, unknown>) => void) => {
      const p: Record<string, unknown> = coreExample();
      change(p);
      try {
        readLaunchClaims(p, opts);
      } catch (err) {
        if (err instanceof LtiLaunchError) return err.reason;
        throw err;
      }
      return "accepted";
    };
    expect(refused(() => {})).toBe("accepted");
    expect(refused((p) => (p.nonce = "other"))).toBe("nonce");
    expect(
      refused((p) => {
        p.aud = [CLIENT, "x"];
        delete p.azp;
      }),
    ).toBe("azp");
    expect(refused((p) => (p.azp = "x"))).toBe("azp");
    expect(refused((p) => (p[CLAIM.version] = "1.3"))).toBe("version");
    expect(refused((p) => (p[CLAIM.messageType] = "ContentItemSelection"))).toBe("message_type");
    expect(refused((p) => (p[CLAIM.deploymentId] = "elsewhere"))).toBe("deployment_id");
    expect(refused((p) => (p[CLAIM.roles] = "Learner"))).toBe("roles_claim");
    expect(refused((p) => delete p.sub)).toBe("sub");
    expect(refused((p) => (p[CLAIM.resourceLink] = { title: "no id" }))).toBe("resource_link");
    expect(refused((p) => (p[CLAIM.context] = { title: "no id" }))).toBe("context");
    expect(refused((p) => ((p[CLAIM.messageType] = "LtiDeepLinkingRequest"), (p[CLAIM.deepLinkingSettings] = { deep_link_return_url: "javascript:alert(1)", accept_types: ["ltiResourceLink"] })))).toBe(
      "deep_linking_settings",
    );
    expect(refused((p) => ((p[CLAIM.messageType] = "LtiDeepLinkingRequest"), (p[CLAIM.deepLinkingSettings] = { deep_link_return_url: "https://p.example/r", accept_types: ["link"] })))).toBe(
      "deep_linking_settings",
    );
  });
});

describe("context roles", () => {
  const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  it("maps Instructor, its sub-roles and Administrator to instructor; Learner to student; others to nothing", () => {
    expect(courseRoleOf([`${M}#Instructor`])).toBe("instructor");
    expect(courseRoleOf([`${M}/Instructor#TeachingAssistant`])).toBe("instructor");
    expect(courseRoleOf([`${M}#Administrator`])).toBe("instructor");
    expect(courseRoleOf(["Instructor"])).toBe("instructor");
    expect(courseRoleOf([`${M}#Learner`, `${M}#Instructor`])).toBe("instructor");
    expect(courseRoleOf([`${M}#Learner`])).toBe("student");
    expect(courseRoleOf(["Learner"])).toBe("student");
    // Institution and system roles say nothing about this course.
    expect(courseRoleOf(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"])).toBeNull();
    expect(courseRoleOf(["http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator", `${M}#Mentor`])).toBeNull();
  });
});
