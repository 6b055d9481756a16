# int() of text (plain decimals, signs, leading zeros, sizes, bases 0 and 10) and zero-padded format specs.
for text, base in [("42", 10), ("-0", 10), ("+5", 10), ("007", 10), ("0", 0), ("00", 0), ("-7", 0),
                   ("123456789012345678", 10), ("9223372036854775807", 10), ("-9223372036854775808", 10),
                   ("99999999999999999999", 10), (" 12 ", 10), ("1_000", 10), ("\u0663\u0664", 10), ("10", 0)]:
    print(repr(text), base, int(text, base))
for text, base in [("012", 0), ("", 10), ("-", 10), ("+", 10), ("1 2", 10), ("12a", 10), ("_1", 10)]:
    try:
        int(text, base)
    except ValueError as e:
        print("ValueError:", e)
for v in [0, 7, -7, 123, 12345, -12345]:
    print(f"[{v:03d}] [{v:>6}] [{v:<6}] [{v:^7}] [{v:+05d}] [{v:*^9}] [{v:06,d}] [{v:,}] [{v:_x}] [{v:#010b}]")
print("a:b:c".split(":"), "a:b:c".rsplit(":", 1), "  x  y ".split(), " x y z ".rsplit(None, 1), "a,,b".split(","))
