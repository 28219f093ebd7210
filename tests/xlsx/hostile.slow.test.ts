/** The properties of hostile files (hostileProperties.ts), ten times the fast tier's cases. */
import { describeHostileFiles } from "./hostileProperties";

describeHostileFiles(10);
