import { CreateUsers1795765891171 } from './1795765891171-CreateUsers';

/** Every migration, in order. A test checks that each file in this folder is listed here. */
export const MIGRATIONS: (new () => object)[] = [CreateUsers1795765891171];
