# secrets.token_bytes/token_hex/token_urlsafe: lengths and (seeded) values
import secrets
print(secrets.token_bytes(8), secrets.token_hex(8), secrets.token_urlsafe(8))
print(len(secrets.token_bytes()), len(secrets.token_hex()), len(secrets.token_urlsafe()))
for n in range(0, 7):
    print(n, secrets.token_urlsafe(n), secrets.token_hex(n))
