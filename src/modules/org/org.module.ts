import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { passwordServiceProvider } from '../../common/auth/password.service';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ClustersController } from './clusters.controller';
import { ClustersService } from './clusters.service';
import { CsvImportController } from './csv-import.controller';
import { Cluster } from './entities/cluster.entity';
import { Mandate } from './entities/mandate.entity';
import { Person } from './entities/person.entity';
import { RoleGrant } from './entities/role-grant.entity';
import { UnitEvaluation } from './entities/unit-evaluation.entity';
import { Unit } from './entities/unit.entity';
import { MandatesController } from './mandates.controller';
import { MandatesService } from './mandates.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonCsvImportService } from './person-csv-import.service';
import { RoleGrantsController } from './role-grants.controller';
import { RoleGrantsService } from './role-grants.service';
import { UnitCsvImportService } from './unit-csv-import.service';
import { UnitEvaluationsController } from './unit-evaluations.controller';
import { UnitEvaluationsService } from './unit-evaluations.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** Units, people, mandates, clusters and role grants (the organisation model), with the administrator API. */
@Module({
  imports: [MikroOrmModule.forFeature([Unit, Person, Mandate, Cluster, UnitEvaluation, RoleGrant]), IdempotencyModule],
  controllers: [UnitsController, UnitEvaluationsController, PeopleController, MandatesController, ClustersController, RoleGrantsController, CsvImportController],
  // PasswordService is stateless; this module keeps its own instance rather than importing AuthModule.
  providers: [
    passwordServiceProvider,
    UnitsService,
    UnitEvaluationsService,
    PeopleService,
    MandatesService,
    ClustersService,
    RoleGrantsService,
    UnitCsvImportService,
    PersonCsvImportService,
  ],
  // The organisation pages (src/workflows/organisation) show and change the same records through these.
  exports: [UnitsService, UnitEvaluationsService, PeopleService, MandatesService, ClustersService, RoleGrantsService, UnitCsvImportService, PersonCsvImportService],
})
export class OrgModule {}
