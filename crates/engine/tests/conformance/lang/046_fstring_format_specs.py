# Format specifications: width, alignment, precision, zero padding, signs.
x = 3.14159
n = 7
s = "ab"
print(f"[{x:>8.2f}]")
print(f"[{x:<8.3f}]")
print(f"[{x:^9.1f}]")
print(f"[{n:03d}] [{n:5d}] [{n:<5d}] [{-n:04d}]")
print(f"[{s:<10}] [{s:>10}] [{s:^10}] [{s:*^10}]")
print(f"[{1234567:,}] [{1234567.891:,.2f}] [{0.25:.1%}]")
print(f"[{n:+d}] [{-n:+d}] [{x:+.1f}] [{x:e}] [{12345.678:.3g}]")
width = 6
print(f"[{n:{width}d}] [{x:{width}.{2}f}]")
print(format(255, "b"), format(8, "o"), format("z", ">3"), format(2.5, ".0f"))
print("{:>6}|{:<4}|{:^5}|".format("r", "l", "c"))
print("{0}-{1}-{0}".format("a", "b"), "{name}!".format(name="kw"))
