import { Module } from '@nestjs/common';
import { CertificatesService } from './certificates/certificates.service';
import { CommendationsService } from './commendations.service';
import { ConsultationsService } from './consultations/consultations.service';
import { DossierFiles } from './dossier-files.service';
import { AdvancedExamplesService } from './examples/advanced-examples.service';
import { InitiativesService } from './initiatives/initiatives.service';
import { EligibilityService } from './records/eligibility.service';
import { PersonRecordService } from './records/person-record.service';
import { UnitRecordService } from './records/unit-record.service';
import { ProposalCouncilService } from './records/proposal-council.service';
import { ProposalsService } from './records/proposals.service';
import { RecordsCsvImportService } from './records/records-csv-import.service';
import { RulePackLibraryService } from './records/rule-pack-library.service';
import { RulePacksService } from './records/rule-packs.service';
import { StorageModule } from '../storage/storage.module';
import { VotingModule } from '../voting/voting.module';

/** The commendation register and the records eligibility is judged on, for their API and for the workflow's stages. */
@Module({
  imports: [VotingModule, StorageModule],
  providers: [CommendationsService, RulePacksService, RulePackLibraryService, EligibilityService, PersonRecordService, UnitRecordService, RecordsCsvImportService, ProposalsService, ProposalCouncilService, CertificatesService, InitiativesService, AdvancedExamplesService, DossierFiles, ConsultationsService],
  exports: [CommendationsService, RulePacksService, RulePackLibraryService, EligibilityService, PersonRecordService, UnitRecordService, RecordsCsvImportService, ProposalsService, ProposalCouncilService, CertificatesService, InitiativesService, AdvancedExamplesService, DossierFiles, ConsultationsService],
})
export class CommendationsModule {}
