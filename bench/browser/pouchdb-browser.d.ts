/** The little of pouchdb-browser's API the peer benchmark uses (the package ships no types). */
declare module 'pouchdb-browser' {
  interface ReplicationResult {
    docs_written: number;
  }
  class PouchDB {
    constructor(name: string);
    destroy(): Promise<void>;
    static replicate(source: string, target: PouchDB): Promise<ReplicationResult>;
  }
  export default PouchDB;
}
