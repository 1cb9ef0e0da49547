import { handler, type CommandDefinition } from "../src/app/command.js";
import { showMyData } from "../src/app/privacy/my-data.js";

// /my-data: what musubi keeps about you here, as a summary and a JSON file.

export const myDataCommand: CommandDefinition = {
  name: "my-data",
  description: "myData.description",
  handler: handler({ description: "myData.description", permission: "member", options: {}, run: showMyData }),
};
