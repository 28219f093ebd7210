import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { ViewProps } from "../viewProps";

/** 规划 Plan: the least-cost plan and the rotation plan. */
export function PlanView(props: ViewProps): React.JSX.Element {
  return <Text>{props.lang === "zh" ? "规划（建设中）" : "Plan (in progress)"}</Text>;
}
