#!/usr/bin/env python3
"""Writes corpus.jsonl (to stdout) for dev.tracecurator.secrets.SecretCorpusTest.

Every "secret" below is synthetic: random characters from a seeded PRNG, shaped like the real
format (prefix, alphabet, length) so the detectors see what they would see in a trajectory.
None was ever issued by any provider. Regenerate with:
    python3 src/test-fixtures/secrets/make_corpus.py > src/test-fixtures/secrets/corpus.jsonl
The seed is fixed, so the output is identical on every run.
"""
import base64
import json
import random
import string
import sys

R = random.Random(20240611)
UP = string.ascii_uppercase; LO = string.ascii_lowercase; DI = string.digits
AL = UP + LO + DI
def r(alpha, n): return ''.join(R.choice(alpha) for _ in range(n))
def good_pw(n=20, extra="!#^*-_+"):
    while True:
        s = r(AL + extra, n)
        if any(c in DI for c in s) and any(c in UP for c in s) and any(c in LO for c in s) and s[0] not in "$%@" and 'xxx' not in s.lower():
            return s
def b64lines(nbytes, width=64):
    raw = bytes(R.getrandbits(8) for _ in range(nbytes))
    s = base64.b64encode(raw).decode()
    return [s[i:i+width] for i in range(0, len(s), width)]
def aws_id(p="AKIA"): return p + r(UP + "234567", 16)
def aws_secret(): return r(AL + "+/", 40)
def ghp(p="ghp_"): return p + r(AL, 36)
def gh_fine(): return "github_pat_" + r(AL, 22) + "_" + r(AL, 59)
def glpat(): return "glpat-" + r(AL + "_-", 20)
def xoxb(): return f"xoxb-{r(DI,12)}-{r(DI,13)}-{r(AL,24)}"
def xoxp(): return f"xoxp-{r(DI,12)}-{r(DI,12)}-{r(DI,13)}-{r('0123456789abcdef',32)}"
def xapp(): return f"xapp-1-A{r(UP+DI,10)}-{r(DI,13)}-{r('0123456789abcdef',64)}"
def hook(): return f"hooks.slack.com/services/T{r(UP+DI,8)}/B{r(UP+DI,10)}/{r(AL,24)}"
def oai_legacy(): return "sk-" + r(AL,20) + "T3BlbkFJ" + r(AL,20)
def oai_proj(): return "sk-proj-" + r(AL+"_-",74) + "T3BlbkFJ" + r(AL+"_-",74)
def oai_compat(): return "sk-" + r('0123456789abcdef', 32)
def ant(p="api03"): return f"sk-ant-{p}-" + r(AL+"_-",93) + "AA"
def hf(): return "hf_" + r(UP+LO, 34)
def bearer(n=40): return r(AL + "-._~", n)
def jwt():
    def seg(n): return r(AL+"-_", n)
    return "eyJ" + seg(33) + ".eyJ" + seg(60) + "." + seg(43)
def pem(kind, nbytes):
    lines = b64lines(nbytes)
    label = f"{kind} PRIVATE KEY" if kind else "PRIVATE KEY"
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"

rows = []
def pos(text, items, note):
    # items: list of (kind, secret) in order of appearance
    for _, s in items: assert text.count(s) >= 1, (note, s)
    rows.append({"text": text, "kinds": [k for k, _ in items], "secrets": [s for _, s in items], "note": note})
def neg(text, note):
    rows.append({"text": text, "kinds": [], "secrets": [], "note": note})

# ---------- positives ----------
a, s = aws_id(), aws_secret()
pos(f"$ export AWS_ACCESS_KEY_ID={a}\n$ export AWS_SECRET_ACCESS_KEY={s}\n$ aws s3 ls\n",
    [("aws_access_key_id", a), ("aws_secret_access_key", s)], "shell exports of an AWS key pair")
a, s, t = aws_id(), aws_secret(), r(AL+"+/", 300) + "=="
pos(f"$ cat ~/.aws/credentials\n[default]\naws_access_key_id = {a}\naws_secret_access_key = {s}\naws_session_token = {t}\nregion = us-east-1\n",
    [("aws_access_key_id", a), ("aws_secret_access_key", s), ("password_assignment", t)],
    "INI credentials file in cat output; the session token is caught as a generic token assignment")
a, s, t = aws_id("ASIA"), aws_secret(), r(AL+"+/", 220)
pos('{\n    "Credentials": {\n        "AccessKeyId": "%s",\n        "SecretAccessKey": "%s",\n        "SessionToken": "%s",\n        "Expiration": "2024-06-11T12:00:00Z"\n    }\n}' % (a, s, t),
    [("aws_access_key_id", a), ("aws_secret_access_key", s), ("password_assignment", t)],
    "aws sts assume-role JSON output")
a, s = aws_id(), aws_secret()
pos(f's3 = boto3.client(\n    "s3",\n    aws_access_key_id="{a}",\n    aws_secret_access_key="{s}",\n)\n',
    [("aws_access_key_id", a), ("aws_secret_access_key", s)], "Python boto3 keyword arguments")
a = aws_id("ABIA")
pos(f"2024-06-11 INFO using credentials {a} for bucket uploads", [("aws_access_key_id", a)],
    "bare AWS key id in a log line, no name around it")
s = aws_secret()
pos(f"AWS_SECRET: '{s}'\nAWS_REGION: eu-west-1\n", [("aws_secret_access_key", s)], "YAML with the short AWS_SECRET name")

g = ghp()
pos(f"$ git remote -v\norigin\thttps://x-access-token:{g}@github.com/acme/widgets.git (fetch)\norigin\thttps://x-access-token:{g}@github.com/acme/widgets.git (push)\n",
    [("github_token", g), ("github_token", g)], "git remote URL with a token, twice (fetch and push)")
g = gh_fine()
pos(f"# .env\nGITHUB_TOKEN={g}\nDEBUG=1\n", [("github_token", g)], "fine-grained PAT in a .env file")
g = ghp("gho_")
pos('{"access_token":"%s","token_type":"bearer","scope":"repo,gist"}' % g, [("github_token", g)],
    "GitHub OAuth token in an API response; token_type bearer is not a bearer token")
g = ghp("ghs_")
pos(f"Run actions/checkout@v4\n  with:\n    token: {g}\n    fetch-depth: 0\n", [("github_token", g)], "GitHub App installation token in a CI log")
g = ghp("ghu_"); g2 = ghp("ghr_")
pos(f"curl -s -H \"Authorization: Bearer {g}\" https://api.github.com/user\n# refresh with {g2}\n",
    [("github_token", g), ("github_token", g2)], "curl -H with a ghu_ token after Bearer: the provider kind wins over bearer_token; ghr_ in a comment")

gl = glpat()
pos(f"$ git clone https://oauth2:{gl}@gitlab.com/group/project.git\nCloning into 'project'...\n",
    [("gitlab_token", gl)], "GitLab PAT in a clone URL")
gl = glpat()
pos(f'curl --header "PRIVATE-TOKEN: {gl}" "https://gitlab.example.com/api/v4/projects"', [("gitlab_token", gl)],
    "GitLab PAT in curl --header")

sl = xoxb()
pos(f'from slack_sdk import WebClient\nclient = WebClient(token="{sl}")\nclient.chat_postMessage(channel="#general", text="hi")\n',
    [("slack_token", sl)], "Slack bot token in Python")
sl = xapp()
pos(f"SLACK_APP_TOKEN={sl}\nSLACK_SIGNING_SECRET=\n", [("slack_token", sl)], "Slack app-level token in .env; empty signing secret is nothing")
sl = hook()
pos(f"curl -X POST -H 'Content-type: application/json' --data '{{\"text\":\"deploy done\"}}' https://{sl}",
    [("slack_token", sl)], "Slack incoming webhook URL")
sl = xoxp()
pos(f"slack:\n  user_token: {sl}\n  channel: C0123456\n", [("slack_token", sl)], "Slack user token in YAML")

o = oai_legacy()
pos(f"export OPENAI_API_KEY={o}\npython run_agent.py\n", [("openai_api_key", o)], "classic OpenAI key exported in shell")
o = oai_proj()
pos(f'from openai import OpenAI\nclient = OpenAI(api_key="{o}")\n', [("openai_api_key", o)], "OpenAI project key in Python")
o = oai_legacy()
pos(f'curl https://api.openai.com/v1/models \\\n  -H "Authorization: Bearer {o}"', [("openai_api_key", o)],
    "OpenAI key after Bearer in curl: the provider kind wins")
o = oai_compat()
pos(f"DEEPSEEK_API_KEY=\"{o}\"", [("openai_api_key", o)], "OpenAI-compatible provider key with the sk- prefix (hex body)")

an = ant()
pos(f"$ export ANTHROPIC_API_KEY={an}\n$ claude --version\n", [("anthropic_api_key", an)], "Anthropic key exported in shell")
an = ant("admin01")
pos(f'admin = anthropic.Anthropic(api_key="{an}")\n', [("anthropic_api_key", an)], "Anthropic admin key in Python")
an = ant()
pos(f"curl https://api.anthropic.com/v1/messages -H \"x-api-key: {an}\" -H \"anthropic-version: 2023-06-01\"",
    [("anthropic_api_key", an)], "Anthropic key in an x-api-key header")

h = hf()
pos(f"$ huggingface-cli login --token {h}\nToken is valid (permission: write).\n", [("huggingface_token", h)], "HF token on the command line")
h = hf()
pos(f'from huggingface_hub import login\nlogin(token="{h}")\n', [("huggingface_token", h)], "HF token in Python")
h = hf()
pos(f'{{"command": "export HF_TOKEN={h} && python train.py"}}', [("huggingface_token", h)], "HF token inside a tool call's JSON arguments")

k = pem("OPENSSH", 300)
pos(f"$ cat ~/.ssh/id_ed25519\n{k}\n$ ls -la ~/.ssh\n", [("private_key", k)], "OpenSSH key in cat output")
k = pem("RSA", 1190)
pos(f'TEST_KEY = """{k}\n"""\n', [("private_key", k)], "RSA PEM in a Python triple-quoted string")
k = pem("EC", 121)
pos(f"Observation:\n{k}\n", [("private_key", k)], "EC key in an observation")
k = pem("", 1218)
pos(f"$ openssl genpkey -algorithm RSA\n{k}\n", [("private_key", k)], "plain PKCS#8 key")
body = b64lines(600, 64)
k = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n" + "\n".join(body) + "\n=" + r(AL, 4) + "\n-----END PGP PRIVATE KEY BLOCK-----"
pos(f"gpg --export-secret-keys --armor dev@example.com\n{k}\n", [("private_key", k)], "PGP armoured private key with a Version header")
lines = b64lines(1190)
k = "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(lines) + "\\n-----END PRIVATE KEY-----\\n"
pos('{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "private_key_id": "%s",\n  "private_key": "%s",\n  "client_email": "svc@demo-project.iam.gserviceaccount.com"\n}' % (r("0123456789abcdef", 40), k),
    [("private_key", k.removesuffix("\\n"))], "GCP service-account JSON: key with \\n escapes inside a JSON string; private_key_id (hex) is not flagged since its name ends in _id")
lines = b64lines(900)
k = "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(lines[:6])
pos(f"$ cat deploy/key.pem\n{k}\n... [output truncated, 4213 more characters]", [("private_key", k)],
    "observation cut off inside a key: still redacted up to the last base64 character")

p = good_pw(22)
pos(f"database:\n  host: db.internal\n  user: app\n  password: \"{p}\"\n", [("password_assignment", p)], "YAML quoted password")
p = good_pw(18)
pos(f'{{"username": "admin", "password": "{p}", "remember": true}}', [("password_assignment", p)], "JSON password")
p = good_pw(24)
pos(f"$ docker run -d -e POSTGRES_PASSWORD={p} -p 5432:5432 postgres:16", [("password_assignment", p)], "docker -e env var")
p = good_pw(16, "")
pos(f"mysql:\n  passwd: {p}\n", [("password_assignment", p)], "YAML passwd, unquoted")
p = good_pw(14)
pos(f"conn = connect(host='localhost', user='root', pwd='{p}')", [("password_assignment", p)], "pwd keyword argument")
p = good_pw(32, "")
pos(f'const apiKey = "{p}";\nfetch(url, {{ headers: {{ "X-Api-Key": apiKey }} }});', [("password_assignment", p)], "JavaScript apiKey literal; the later reference is not flagged")
p = good_pw(28, "")
pos(f"token: {p}\nendpoint: https://api.internal/v2\n", [("password_assignment", p)], "YAML token, unquoted")
p = good_pw(40, "")
pos(f"oauth.client.secret={p}\noauth.client.id=web-frontend\n", [("password_assignment", p)], "Java properties client secret")
p = "django-insecure-" + good_pw(34, "!#^*-_+")
pos(f"SECRET_KEY = '{p}'\nDEBUG = True\n", [("password_assignment", p)], "Django SECRET_KEY literal")
p = good_pw(20, "")
pos(f'{{"cmd": "echo \\"DB_PASSWORD={p}\\" >> .env"}}', [("password_assignment", p)], "assignment inside an escaped JSON string; the value stops at the backslash")
p = good_pw(20, "")
pos(f"$ ./manage.py createsuperuser --password={p} --noinput", [("password_assignment", p)], "--password= command-line flag")
p = good_pw(24, "")
pos(f"DATABASE_URL=postgres://app:{p}@db.internal:5432/app\n", [("password_assignment", p)], "password in a URL's userinfo")
p = good_pw(20, "")
pos(f"smtp:\n  DB_PASS: '{p}'\n", [("password_assignment", p)], "_pass suffix")
p = r(AL, 26) + "7"
pos(f'client_secret = "{p}"', [("password_assignment", p)], "client_secret in Python")

b = bearer(40)
pos(f"curl -H \"Authorization: Bearer {b}\" https://api.internal.example/v1/items", [("bearer_token", b)], "curl -H Authorization Bearer")
j = jwt()
pos(f'headers = {{"Authorization": "Bearer {j}"}}\nresp = requests.get(url, headers=headers)', [("bearer_token", j)], "JWT bearer in Python headers")
b = bearer(32)
pos(f"> GET /v1/users HTTP/1.1\n> Host: api.internal\n> authorization: bearer {b}\n> Accept: */*\n", [("bearer_token", b)], "lower-case bearer in curl -v output")

a = aws_id(); g = ghp(); p = good_pw(20, ""); k = pem("RSA", 600)
pos(f"Step 3 observation:\n$ env | sort\nAWS_ACCESS_KEY_ID={a}\nGH_TOKEN={g}\nHOME=/root\nPWD=/testbed\nREDIS_PASSWORD={p}\n$ cat id_rsa\n{k}\n",
    [("aws_access_key_id", a), ("github_token", g), ("password_assignment", p), ("private_key", k)],
    "several kinds in one observation; PWD=/testbed is a path, not a password")

# ---------- negatives ----------
shas = [r("0123456789abcdef", 40) for _ in range(4)]
neg("$ git log --format='%H %an %s' -4\n" + "\n".join(f"{h} Jane Dev fix token refresh" for h in shas) + "\n",
    "git log with 40-hex commit SHAs")
uu = [f"{r('0123456789abcdef',8)}-{r('0123456789abcdef',4)}-4{r('0123456789abcdef',3)}-a{r('0123456789abcdef',3)}-{r('0123456789abcdef',12)}" for _ in range(3)]
neg('{"request_id": "%s", "trace_id": "%s", "session": "%s"}' % tuple(uu), "UUIDs in JSON")
neg('import os\npassword = os.environ["DB_PASSWORD"]\napi_key = os.getenv("API_KEY")\n', "values read from the environment")
neg("def connect(host, user, password=None, token=None):\n    pass\n", "None defaults")
neg('database:\n  password: "${DB_PASSWORD}"\n  token: ${{ secrets.DEPLOY_TOKEN }}\n', "template substitutions")
neg("token = get_token()\nsecret = Secret.from_env(\"APP_SECRET\")\n", "function calls")
neg("password=password123\nadmin_password: 'Welcome1!'\nPOSTGRES_PASSWORD=postgres\n", "dictionary-shaped values: a word plus digits/symbols is not flagged")
neg('OPENAI_API_KEY="sk-..."\nclient = OpenAI(api_key="sk-your-key-here")\n', "OpenAI key placeholders")
neg("HF_TOKEN=hf_xxx\nlogin(token=\"hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")\n", "HF token placeholders")
neg('curl -H "Authorization: Bearer <your-token>" https://api.example.com\ncurl -H "Authorization: Bearer $TOKEN" https://api.example.com\ncurl -H "Authorization: Bearer YOUR_ACCESS_TOKEN" https://api.example.com\n', "bearer placeholders")
neg("aws_access_key_id = AKIAXXXXXXXXXXXXXXXX\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
    "AWS filler and AWS's documented example pair")
png = base64.b64encode(bytes(R.getrandbits(8) for _ in range(3000))).decode()
neg(f"![screenshot](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA{png})", "base64 image data")
neg('Traceback (most recent call last):\n  File "/usr/lib/python3.11/site-packages/requests/auth.py", line 96, in __call__\n    r.headers["Authorization"] = _basic_auth_str(self.username, self.password)\n  File "/app/auth.py", line 12, in get_token\n    token = cache[key]\nKeyError: \'access_token\'\n',
    "Python traceback mentioning tokens and passwords")
neg('''class TokenAuth:
    """Bearer authentication using an API token."""

    def __init__(self, token: str, *, api_key: Optional[str] = None) -> None:
        self.token = token
        self._api_key = api_key or settings.API_KEY

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request

def check_password(password: str, password_hash: bytes) -> bool:
    if not password:
        return False
    secret_key = settings.SECRET_KEY
    return hmac.compare_digest(hash_pw(password, secret_key), password_hash)

MAX_TOKENS = 4096
tokenizer = AutoTokenizer.from_pretrained("gpt2")
tokenizer.pad_token = tokenizer.eos_token
for key, value in os.environ.items():
    print(key, value)
''', "ordinary auth code in an observation")
neg('export GITHUB_TOKEN=$(gh auth token)\nenv:\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n', "command substitution and Actions expressions")
pub = "\n".join(b64lines(270))
neg(f"-----BEGIN PUBLIC KEY-----\n{pub}\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\n{pub}\n-----END CERTIFICATE-----\n", "public key and certificate are not private keys")
neg('if line.startswith("-----BEGIN RSA PRIVATE KEY-----"):\n    in_key = True\n\nExample:\n-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n',
    "code that looks for PEM headers, and a doc example with an elided body")
neg('def login(self, password: str) -> bool:\n    ...\npassword: str = Field(..., min_length=8)\ntoken: Optional[str] = None\n', "type annotations")
neg("PWD=/home/dev/project\nOLDPWD=/\nSSH_AUTH_SOCK=/tmp/ssh-XXXX/agent.123\n", "shell environment paths")
neg("DATABASE_URL=postgres://postgres:postgres@localhost:5432/app\nREDIS_URL=redis://:@localhost:6379/0\nhttps://user:${PASSWORD}@example.com\n", "URL credentials that are defaults or substitutions")
neg("pip install scikit-learn\nfrom sklearn.model_selection import train_test_split\n$ ls /dev/disk/by-uuid/\ntask-runner-7f3a9c2e1b7d04a5c8e9f0a1b2c3d4e5f6a7b8c9\n", "sk- inside longer words")
neg("token_type: bearer\nexpires_in: 3600\nThe server uses bearer authentication; a bearer token is sent in the Authorization header.\n", "bearer as a word")
neg('password = "changeme"\npassword = "your_password_here"\n"password": "",\n"password": "********",\nsecret: "<redacted>"\n', "placeholder passwords")
neg("Set OPENAI_API_KEY=sk-... in your .env. A personal access token looks like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx and a Slack bot token like xoxb-your-bot-token.\n",
    "docs describing token formats")
neg("sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nintegrity sha512-" + r(AL + "+/", 86) + "==\n",
    "checksums")
neg("key = (user_id, 'profile')\nsort_key = lambda item: item.name\nprimary_key = True\ncache_key = f\"user:{user_id}\"\nmonkey = 'banana'\n", "names ending in key that are not credentials")
neg("    passed = 12\n    FAILED tests/test_auth.py::test_password_reset - AssertionError\n    compass_heading = 270\n    bypass = True\n", "pytest output and words containing pass")
neg('[REDACTED:github_token] was removed; password="[REDACTED:password_assignment]"\nAuthorization: Bearer [REDACTED:bearer_token]\n', "already-redacted text stays as it is")

for row in rows:
    print(json.dumps(row, ensure_ascii=False))
npos = sum(1 for x in rows if x["kinds"]); print(f"{npos} positives, {len(rows)-npos} negatives", file=sys.stderr)
