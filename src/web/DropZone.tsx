import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalM}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  over: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/**
 * A dashed area to drop files on, lit while files are dragged over it. A drop here is handled here only: the
 * page's own drop handler (a drop anywhere else) is not told of it.
 */
export function DropZone(props: {
  disabled: boolean;
  onFiles(files: File[]): void;
  children: ReactNode;
  /** data attribute naming the zone, for a test to find it */
  name: string;
}) {
  const styles = useStyles();
  const [over, setOver] = useState(false);
  return (
    <div
      className={mergeClasses(styles.drop, over && styles.over)}
      data-drop-zone={props.name}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (!props.disabled && files.length > 0) props.onFiles(files);
      }}
    >
      {props.children}
    </div>
  );
}
