import { CreateUsers1795768195849 } from './1795768195849-CreateUsers';
import { CreateCatalog1795769911029 } from './1795769911029-CreateCatalog';
import { SeedOrganizations1795770127805 } from './1795770127805-SeedOrganizations';
import { CreateAgendaPlansAndVersions1795778153034 } from './1795778153034-CreateAgendaPlansAndVersions';
import { CreateRegistrations1795779870838 } from './1795779870838-CreateRegistrations';
import { CreateSessionChoices1795782298893 } from './1795782298893-CreateSessionChoices';
import { AddTakeRegistrationSeat1795783931832 } from './1795783931832-AddTakeRegistrationSeat';
import { TakeRegistrationSeatBoundsItsWait1795784985231 } from './1795784985231-TakeRegistrationSeatBoundsItsWait';
import { CreateAttendance1795790105960 } from './1795790105960-CreateAttendance';

/** Every migration, in order. A test checks that each file in this folder is listed here. */
export const MIGRATIONS: (new () => object)[] = [
  CreateUsers1795768195849,
  CreateCatalog1795769911029,
  SeedOrganizations1795770127805,
  CreateAgendaPlansAndVersions1795778153034,
  CreateRegistrations1795779870838,
  CreateSessionChoices1795782298893,
  AddTakeRegistrationSeat1795783931832,
  TakeRegistrationSeatBoundsItsWait1795784985231,
  CreateAttendance1795790105960,
];
