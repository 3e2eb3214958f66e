import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { Cluster } from './entities/cluster.entity';
import { Mandate } from './entities/mandate.entity';
import { Person } from './entities/person.entity';
import { RoleGrant } from './entities/role-grant.entity';
import { UnitEvaluation } from './entities/unit-evaluation.entity';
import { Unit } from './entities/unit.entity';

/** Units, people, mandates, clusters and role grants (the organisation model). */
@Module({
  imports: [MikroOrmModule.forFeature([Unit, Person, Mandate, Cluster, UnitEvaluation, RoleGrant])],
  controllers: [],
  providers: [],
  exports: [],
})
export class OrgModule {}
