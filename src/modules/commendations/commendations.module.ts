import { Module } from '@nestjs/common';
import { CertificatesService } from './certificates/certificates.service';
import { CommendationsService } from './commendations.service';
import { EligibilityService } from './records/eligibility.service';
import { PersonRecordService } from './records/person-record.service';
import { UnitRecordService } from './records/unit-record.service';
import { ProposalsService } from './records/proposals.service';
import { RecordsCsvImportService } from './records/records-csv-import.service';
import { RulePacksService } from './records/rule-packs.service';

/** The commendation register and the records eligibility is judged on, for their API and for the workflow's stages. */
@Module({
  providers: [CommendationsService, RulePacksService, EligibilityService, PersonRecordService, UnitRecordService, RecordsCsvImportService, ProposalsService, CertificatesService],
  exports: [CommendationsService, RulePacksService, EligibilityService, PersonRecordService, UnitRecordService, RecordsCsvImportService, ProposalsService, CertificatesService],
})
export class CommendationsModule {}
