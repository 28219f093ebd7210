import { Button, Text } from "@fluentui/react-components";
import { PUNCTUATION, type Lang } from "../../i18n/format";
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
      {/* named by what it shows, after what it does (界面语言：English): a name without the word on the button
          fails WCAG 2.5.3, and a speech user says the word seen; each part in its own language */}
      <Button size="small" appearance="subtle" onClick={() => props.onLang(lang === "zh" ? "en" : "zh")}>
        <span className={styles.visuallyHidden}>
          {t(lang, "languageSwitchLabel")}
          {PUNCTUATION[lang].label}
        </span>
        <span lang={lang === "zh" ? "en" : "zh-CN"}>{t(lang, "languageSwitch")}</span>
      </Button>
    </header>
  );
}
