import { Button, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../styles";

export interface RenameSchoolsProps {
  lang: Lang;
  /** schools of the earlier year not found in the later one */
  removed: string[];
  /** schools of the later year not found in the earlier one */
  added: string[];
  /** the rename map the comparison uses (`balance compare --rename`): old name → new name */
  renames: Record<string, string>;
  onRenames(renames: Record<string, string>): void;
}

/**
 * The rename map of `balance compare --rename`, made by pointing: a school that closed and one that opened are
 * the same school under a new name. The matching itself is the engine's (renameResolver).
 */
export function RenameSchools(props: RenameSchoolsProps) {
  const { lang, removed, added, renames } = props;
  const styles = usePaneStyles();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const pairs = Object.entries(renames);
  const canPair = removed.length > 0 && added.length > 0;
  if (!canPair && pairs.length === 0) return null;
  const chosenFrom = removed.includes(from) ? from : (removed[0] ?? "");
  const chosenTo = added.includes(to) ? to : (added[0] ?? "");

  return (
    <div className={styles.column} data-renames>
      {canPair && (
        <>
          <Text size={200} className={styles.note}>
            {t(lang, "trendRenameHelp")}
          </Text>
          <div className={styles.mappingRow}>
            <Select
              size="small"
              aria-label={t(lang, "trendRenameFrom")}
              value={chosenFrom}
              onChange={(_, data) => setFrom(data.value)}
            >
              {removed.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </Select>
            <Select
              size="small"
              aria-label={t(lang, "trendRenameTo")}
              value={chosenTo}
              onChange={(_, data) => setTo(data.value)}
            >
              {added.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </Select>
          </div>
          <div className={styles.row}>
            <Button size="small" onClick={() => props.onRenames({ ...renames, [chosenFrom]: chosenTo })}>
              {t(lang, "trendRenameAdd")}
            </Button>
          </div>
        </>
      )}
      {pairs.length > 0 && (
        <div className={styles.row}>
          {pairs.map(([old, now]) => (
            <Button
              key={old}
              size="small"
              appearance="subtle"
              onClick={() => {
                const next = { ...renames };
                delete next[old];
                props.onRenames(next);
              }}
            >
              {t(lang, "trendRenameRemove", { from: old, to: now })}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
