import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { AdminBootstrap } from './admin-bootstrap';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher, AdminBootstrap],
  exports: [UsersRepository, PasswordHasher],
})
export class UsersModule {}
