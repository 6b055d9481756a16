# Hex, octal and binary literals beyond 64 bits, with underscores.
print(0xffff_ffff_ffff_ffff_ffff)
print(0o7777_7777_7777_7777_7777_7777)
print(0b1_0000000000_0000000000_0000000000_0000000000_0000000000_0000000000_0000)
print(1_000_000_000_000_000_000_000)
