/**
 * Credential detection and redaction for trajectory text, with no Beam types.
 * {@link dev.tracecurator.secrets.SecretScanner#find} reports where secrets are and
 * {@link dev.tracecurator.secrets.SecretScanner#redact} replaces each secret value with
 * {@code [REDACTED:<kind label>]}.
 *
 * <p>Deliberately <em>not</em> flagged:
 *
 * <ul>
 *   <li>Values below {@link dev.tracecurator.secrets.SecretValue#MIN_ENTROPY} bits per character
 *       or shorter than {@link dev.tracecurator.secrets.SecretValue#MIN_LENGTH} characters, and
 *       dictionary-shaped values ({@code password123}, {@code Welcome1!}, {@code postgres},
 *       {@code my-app-secret}) even after a secret-sounding name. They are test fixtures and
 *       tutorial defaults far more often than live credentials.
 *   <li>Placeholders: {@code sk-...}, {@code hf_xxx}, {@code <your-token>}, {@code ${VAR}},
 *       {@code $VAR}, {@code {{ secrets.X }}}, {@code ********}, {@code changeme}, values
 *       containing {@code example}/{@code your_}/{@code redacted}; AWS's documented example key
 *       pair ({@code AKIAIOSFODNN7EXAMPLE}) and filler such as {@code AKIAXXXXXXXXXXXXXXXX}.
 *   <li>References: unquoted dotted or snake/camel-case names ({@code os.environ},
 *       {@code settings.SECRET_KEY}, {@code api_key}) and anything followed by {@code (} or
 *       {@code [} ({@code get_token()}, {@code os.environ["X"]}), type annotations
 *       ({@code password: str}).
 *   <li>Numbers, paths and URLs as values ({@code PWD=/testbed}), commit SHAs, UUIDs, base64
 *       blobs and checksums that are not assigned to a secret-sounding name, public keys and
 *       certificates, and values longer than 4096 characters (data, not credentials).
 *   <li>Quoted values containing whitespace (passphrases) and unquoted values containing
 *       {@code :} or a non-trailing {@code =}: a cost of keeping the scan linear and precise.
 * </ul>
 *
 * <p>A secret-sounding name with a high-entropy value is flagged whatever the value looks like,
 * so a UUID or a 40-hex string assigned to {@code api_key} is redacted.
 */
package dev.tracecurator.secrets;
