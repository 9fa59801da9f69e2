// Writes the reference texts (JSON lines {"id", "text"}) to stdout, deterministically: hand-made
// cases aimed at tokenizer edge cases, then every message and patch of the real trajectory files in
// ../../../../shared/data (MIT, see the LICENSE files beside this script).
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, "..", "..", "..", "..", "shared", "data");
const out = [];
const add = (id, text) => out.push({ id, text });

add("empty", "");
add("space", " ");
for (const n of [1, 2, 3, 4, 7, 17, 100, 1000]) add(`spaces-${n}`, " ".repeat(n));
for (const n of [1, 2, 3, 17]) add(`newlines-${n}`, "\n".repeat(n));
add("mixed-ws", "a \n \n\tb\t\t \n  \n\n   c   \r\n\r\n d");
add("crlf", "line one\r\nline two\r\n\r\nline four\r\n");
add("tabs-code", "def f(x):\n\tif x:\n\t\treturn x\n\treturn None\n");
add("prose", "The quick brown fox jumps over the lazy dog. It wasn't the fox's fault; they'd said so.");
for (const c of ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "’s", "’ll"]) add(`contraction-${c}`, `it${c} I${c} you${c}`);
for (const n of ["7", "42", "123", "1234", "12345", "123456789", "123456789012", "3.14159", "1e-7", "-0.5", "1,000,000", "2024-01-31"]) add(`number-${n}`, `value ${n} and ${n}${n}`);
add("cjk", "数据集包含二十万条轨迹。我们需要计算令牌。");
add("japanese", "エージェント型ソフトウェアエンジニアリングのための教師あり微調整データ");
add("korean", "토큰 수를 정확하게 세어야 합니다.");
add("arabic", "نحن نحسب الرموز بدقة");
add("hindi", "हम टोकन गिनते हैं");
add("thai", "เรานับโทเค็นอย่างแม่นยำ");
// Lone UTF-16 surrogates (JSON allows "\ud800"): tiktoken encodes each as U+FFFD.
add("lone-high-surrogate", "half a pair \ud800 here");
add("lone-low-surrogate", "\udc00 low first, then a pair \ud83d\ude00 and a high at the end \ud83d");
add("two-high-surrogates", "x\ud800\ud800y");
add("emoji", "done ✅ 🚀🔥 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵");
add("combining", "e\u0301 a\u0308 n\u0303 Z\u0351\u0352\u0353");
add("zero-width", "a\u200bb\u200cc\u200dd\ufeffe");
for (const s of ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>"]) add(`special-${s}`, `before ${s} after${s}${s}`);
add("chatml", "<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>assistant\n<think>\nList files.\n</think>\n<tool_call>\n{\"name\": \"execute_bash\", \"arguments\": {\"command\": \"ls -la\"}}\n</tool_call><|im_end|>");
add("diff", "diff --git a/src/loop.c b/src/loop.c\n--- a/src/loop.c\n+++ b/src/loop.c\n@@ -1,3 +1,3 @@\n for (;;) {\n---x;\n+++i;\n }\n\\ No newline at end of file\n");
add("json", JSON.stringify({ a: [1, 2.5, null, true], "key with space": { nested: "value" }, u: "ünïcödé" }));
add("python", "import os\n\n\nclass Foo(Bar):\n    def __init__(self, *args, **kwargs) -> None:\n        super().__init__(*args, **kwargs)\n        self._x = {k: v for k, v in kwargs.items() if not k.startswith('_')}\n");
add("rust", "fn main() -> Result<(), Box<dyn std::error::Error>> {\n    let v: Vec<u8> = (0..=255).collect();\n    println!(\"{:?}\", &v[..3]);\n    Ok(())\n}\n");
add("go", "func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {\n\tif err := s.db.Ping(); err != nil {\n\t\thttp.Error(w, err.Error(), 500)\n\t}\n}\n");
add("java", "public final class Main {\n    public static void main(String[] args) {\n        for (int i = 0; i < args.length; ++i) System.out.println(args[i]);\n    }\n}\n");
add("cpp", "template <typename T>\nstd::vector<T> f(const std::vector<T>& xs) { return {xs.rbegin(), xs.rend()}; }\n");
add("js", "const f = async (x) => { await Promise.all([a(), b()]); return x?.y ?? `t${x}`; };\n");
add("deep-indent", Array.from({ length: 12 }, (_, i) => " ".repeat(4 * i) + `level_${i} = ${i}`).join("\n"));
add("long-word", "a".repeat(5000));
add("long-hex", "0123456789abcdef".repeat(200));
let b64 = "";
for (let i = 0; i < 3000; i++) b64 += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 37 + 11) % 64];
add("long-base64", b64);
add("url", "See https://github.com/marshmallow-code/marshmallow/blob/dev/src/marshmallow/fields.py#L1474 and /testbed/src/a_b-c.d/e.py:12:5");
add("punctuation", "!!!??? ... --- +++ === ### $$$ %%% ^^^ &&& *** ((( ))) [[[ ]]] {{{ }}} ||| \\\\\\ /// ~~~ ```");
add("repeated-punct-nl", "....\n....\n,,,,\n;;;;\n");

function history(file) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  if (Array.isArray(data)) return data;
  return data.history || data.messages || [];
}
const text = (c) => (typeof c === "string" ? c : Array.isArray(c) ? c.map((b) => (typeof b === "string" ? b : b.text || "")).join("\n") : "");
for (const [dir, files] of [["sweagent-traj", readdirSync(join(shared, "sweagent-traj")).sort()],
                            ["minisweagent-traj", readdirSync(join(shared, "minisweagent-traj")).sort()]]) {
  for (const name of files) {
    history(join(shared, dir, name)).forEach((m, i) => {
      if (text(m.content)) add(`${dir}/${name}#${i}/content`, text(m.content));
      if (typeof m.thought === "string" && m.thought) add(`${dir}/${name}#${i}/thought`, m.thought);
    });
  }
}
add("patch/pydicom__pydicom-1458", readFileSync(join(shared, "patches", "pydicom__pydicom-1458.patch"), "utf8"));
readFileSync(join(shared, "patches", "sweagent-all_preds.jsonl"), "utf8").split("\n").filter(Boolean)
  .forEach((l, i) => add(`patch/all_preds#${i}`, JSON.parse(l).model_patch || ""));

for (const row of out) process.stdout.write(JSON.stringify(row) + "\n");
