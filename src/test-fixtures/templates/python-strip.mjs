// @huggingface/jinja 0.5.11 implements the string methods strip, lstrip and rstrip with JS's
// trim(), trimStart() and trimEnd() and ignores their argument, so Qwen3's
// reasoning_content.strip('\n') and content.lstrip('\n') would also eat spaces and tabs, which
// Python's Jinja (what transformers runs) keeps. usePythonStrip gives them Python's meaning back.
// The `trim` filter is left alone: Python's strip() and JS's trim() only disagree on \x1c-\x1f,
// \x85 and \ufeff, which the conversations avoid.

// The characters Python's str.isspace() accepts, i.e. what str.strip() removes by default.
const PYTHON_SPACE = new Set(
  " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007" +
  "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000",
);

/** Python's str.strip / lstrip / rstrip: chars null means white space. */
export function pythonStrip(text, chars, left, right) {
  const remove = chars === null ? (c) => PYTHON_SPACE.has(c) : (c) => chars.includes(c);
  const units = Array.from(text);
  let start = 0;
  let end = units.length;
  while (left && start < end && remove(units[start])) start++;
  while (right && end > start && remove(units[end - 1])) end--;
  return units.slice(start, end).join("");
}

/** Replaces the three string methods of @huggingface/jinja's StringValue, process-wide. */
export function usePythonStrip(Environment) {
  const probe = new Environment();
  probe.set("probe", "");
  const StringValue = probe.lookupVariable("probe").constructor;
  const original = Object.getOwnPropertyDescriptor(StringValue.prototype, "builtins").get;
  const patched = new WeakSet();
  Object.defineProperty(StringValue.prototype, "builtins", {
    configurable: true,
    get() {
      const builtins = original.call(this);
      if (!patched.has(builtins)) {
        const FunctionValue = builtins.get("strip").constructor;
        const text = this.value;
        for (const [name, left, right] of [["strip", true, true], ["lstrip", true, false], ["rstrip", false, true]]) {
          builtins.set(name, new FunctionValue((args) => {
            const arg = args[0];
            const chars = arg === undefined || arg.type === "NullValue" || arg.type === "UndefinedValue" ? null : String(arg.value);
            return new StringValue(pythonStrip(text, chars, left, right));
          }));
        }
        patched.add(builtins);
      }
      return builtins;
    },
  });
}
