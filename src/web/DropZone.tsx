import { mergeClasses } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { usePaneStyles } from "../taskpane/styles";

/**
 * A dashed area to drop files on, lit while files are dragged over it. A drop here is handled here only: the
 * page's own drop handler (a drop anywhere else) is not told of it.
 */
export function DropZone(props: {
  disabled: boolean;
  onFiles(files: File[]): void;
  /** the drop itself, when the zone reads more than its files (the folders dropped); then `onFiles` is not told */
  onDropped?(data: DataTransfer): void;
  children: ReactNode;
  /** data attribute naming the zone, for a test to find it */
  name: string;
}) {
  const styles = usePaneStyles();
  const [over, setOver] = useState(false);
  return (
    <div
      className={mergeClasses(styles.dropZone, over && styles.dropZoneOver)}
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
        if (props.onDropped) {
          if (!props.disabled) props.onDropped(e.dataTransfer);
          return;
        }
        const files = [...e.dataTransfer.files];
        if (!props.disabled && files.length > 0) props.onFiles(files);
      }}
    >
      {props.children}
    </div>
  );
}
