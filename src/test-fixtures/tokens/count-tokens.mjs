// Reads JSON lines {"id", "text"} from the file named by argv[2] and prints {"id", "tokens"}:
// the length of tiktoken's cl100k_base encoding with no special tokens allowed or disallowed,
// i.e. Python's enc.encode(text, disallowed_special=()): "<|endoftext|>" is ordinary text.
import { get_encoding } from "tiktoken";
import { readFileSync } from "node:fs";

const enc = get_encoding("cl100k_base");
try {
  for (const line of readFileSync(process.argv[2], "utf8").split("\n")) {
    if (!line) continue;
    const { id, text } = JSON.parse(line);
    process.stdout.write(JSON.stringify({ id, tokens: enc.encode(text, [], []).length }) + "\n");
  }
} finally {
  enc.free();
}
