import { UserEntity } from '../modules/users/user.entity';

/** Every entity the application maps; the migrations must create exactly these tables. */
export const ENTITIES = [UserEntity];
