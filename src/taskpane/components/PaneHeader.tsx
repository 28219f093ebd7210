import { Button, Text } from "@fluentui/react-components";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../styles";

/** The pane's title, a line under it, and the switch to the other language. */
export function PaneHeader(props: { lang: Lang; subtitle: string; onLang(lang: Lang): void }) {
  const { lang } = props;
  const styles = usePaneStyles();
  return (
    <header className={styles.header}>
      <div>
        <h1 className={styles.title}>{t(lang, "appTitle")}</h1>
        <Text className={styles.subtitle}>{props.subtitle}</Text>
      </div>
      <Button
        size="small"
        appearance="subtle"
        aria-label={t(lang, "languageSwitchLabel")}
        lang={lang === "zh" ? "en" : "zh-CN"}
        onClick={() => props.onLang(lang === "zh" ? "en" : "zh")}
      >
        {t(lang, "languageSwitch")}
      </Button>
    </header>
  );
}
