import { File as NodeFile } from "node:buffer";
import { fireEvent, screen } from "@testing-library/react";

/** Chooses `bytes` as `name` in the web app's first screen's file chooser, as a clerk does, until `read` is offered. */
export async function openWorkbook(name: string, bytes: Uint8Array, read = "读取并检查"): Promise<void> {
  const input = document.querySelector<HTMLInputElement>("#workbook-file")!;
  // jsdom's File cannot give its bytes; Node's can, as the browser's does
  Object.defineProperty(input, "files", { value: [new NodeFile([bytes], name)], configurable: true });
  fireEvent.change(input);
  await screen.findByRole("button", { name: read });
}
