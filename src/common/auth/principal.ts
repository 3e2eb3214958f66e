/** Who is calling: resolved by the auth guard from a bearer token or the session cookie. */
export interface Principal {
  personId: string;
  username: string;
  fullName: string;
  roles: string[];
}

/** "Person P acting for unit U under mandate M", resolved from the person's valid mandates. */
export interface ActingFor {
  unitId: string;
  unitCode: string;
  unitName: string;
  mandateId: string;
  mandateRole: string;
}

export interface AuthenticatedRequest {
  principal?: Principal;
  actingFor?: ActingFor;
}
