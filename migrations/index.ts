import { CreateUsers1795768195849 } from './1795768195849-CreateUsers';

/** Every migration, in order. A test checks that each file in this folder is listed here. */
export const MIGRATIONS: (new () => object)[] = [CreateUsers1795768195849];
