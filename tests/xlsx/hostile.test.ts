/** The properties of hostile files (hostileProperties.ts), the fast tier's share of cases. */
import { describeHostileFiles } from "./hostileProperties";

describeHostileFiles(1);
