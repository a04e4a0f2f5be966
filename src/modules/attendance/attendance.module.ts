import { Module } from '@nestjs/common';
import { AttendanceChainService } from './attendance-chain.service';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceStatusController, CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';

@Module({
  controllers: [CheckInsController, AttendanceStatusController],
  providers: [AttendanceRepository, CheckInsService, AttendanceChainService],
})
export class AttendanceModule {}
