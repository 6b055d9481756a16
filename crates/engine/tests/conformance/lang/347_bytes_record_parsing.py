# a small binary-record parser: slicing, int.from_bytes, split, decode and hex together
packet = bytes([0x01, 0x00, 0x05]) + b"hello" + b"\x00\x02" + b"ok"
pos = 0
kind = packet[pos]
pos += 1
while pos < len(packet):
    n = int.from_bytes(packet[pos:pos + 2], "big")
    body = packet[pos + 2:pos + 2 + n]
    print(kind, n, body, body.decode(), body.hex(" "))
    pos += 2 + n
lines = b"name=ada\r\nlang=python\r\n".splitlines()
print(dict(line.decode().split("=") for line in lines))
