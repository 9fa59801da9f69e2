// Usage: node count-tokens.mjs TOKENIZER_DIR FILE...
// Reads JSON lines {"id", "text"} from each FILE and prints {"source" (the file name), "id", "tokens"}: the length of
// tokenizers.js's encoding of the text with TOKENIZER_DIR/tokenizer.json (and its
// tokenizer_config.json), add_special_tokens false, as transformers tokenizes a rendered chat
// template: special tokens written in the text are one token each, nothing is prepended.
import { Tokenizer } from "@huggingface/tokenizers";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";

const dir = process.argv[2];
const tokenizer = new Tokenizer(
  JSON.parse(readFileSync(join(dir, "tokenizer.json"), "utf8")),
  JSON.parse(readFileSync(join(dir, "tokenizer_config.json"), "utf8")),
);
for (const file of process.argv.slice(3)) {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const { id, text } = JSON.parse(line);
    if (typeof text !== "string") continue; // a conversation the template refuses has an "error" instead
    const ids = tokenizer.encode(text, { add_special_tokens: false }).ids;
    process.stdout.write(JSON.stringify({ source: basename(file), id, tokens: ids.length }) + "\n");
  }
}
