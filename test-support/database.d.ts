export interface TestDatabase {
    url: string;
    name: string;
    drop(): Promise<void>;
}
export declare function createTestDatabase(): Promise<TestDatabase>;
