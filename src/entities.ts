import { RefreshToken } from './modules/auth/refresh-token.entity';
import { Cluster } from './modules/org/entities/cluster.entity';
import { Mandate } from './modules/org/entities/mandate.entity';
import { Person } from './modules/org/entities/person.entity';
import { RoleGrant } from './modules/org/entities/role-grant.entity';
import { UnitEvaluation } from './modules/org/entities/unit-evaluation.entity';
import { Unit } from './modules/org/entities/unit.entity';

/** Every entity of the app, for the ORM, its CLI and the migrations. A new entity file is added here. */
export const ENTITIES = [Unit, Person, Mandate, Cluster, UnitEvaluation, RoleGrant, RefreshToken];
