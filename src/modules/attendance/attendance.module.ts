import { Module } from '@nestjs/common';
import { AttendanceChainService } from './attendance-chain.service';
import { AttendanceReportsController } from './attendance-reports.controller';
import { AttendanceReportsRepository } from './attendance-reports.repository';
import { AttendanceReportsService } from './attendance-reports.service';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceStatusController, CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';
import { DaftarHadirController } from './daftar-hadir.controller';
import { DaftarHadirService } from './daftar-hadir.service';

@Module({
  controllers: [
    AttendanceReportsController,
    CheckInsController,
    AttendanceStatusController,
    DaftarHadirController,
  ],
  providers: [
    AttendanceReportsRepository,
    AttendanceReportsService,
    AttendanceRepository,
    CheckInsService,
    AttendanceChainService,
    DaftarHadirService,
  ],
})
export class AttendanceModule {}
