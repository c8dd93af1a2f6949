import { registerEnumType } from 'type-graphql';

export enum ConsentStatus {
  GRANTED = 'GRANTED',
  DENIED = 'DENIED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Where the customer expressed the decision (the proof a regulator asks for). */
export enum ConsentChannel {
  WEB = 'WEB',
  MOBILE = 'MOBILE',
  STORE = 'STORE',
  CALL_CENTER = 'CALL_CENTER',
  EMAIL = 'EMAIL',
  PAPER = 'PAPER',
  API = 'API',
  /** Written by a profile merge or unmerge: the most restrictive consent of the two profiles (client id names the merge). */
  MERGE = 'MERGE',
}

registerEnumType(ConsentStatus, { name: 'ConsentStatus', description: 'DENIED: asked and refused; WITHDRAWN: granted earlier (or never) and now revoked' });
registerEnumType(ConsentChannel, { name: 'ConsentChannel', description: 'Where the customer expressed a consent decision' });
