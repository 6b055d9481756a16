# sys: argv, platform, maxsize, version and version_info (a named tuple-like record)
import sys
print(sys.argv, sys.platform, sys.maxsize, sys.maxsize == 9223372036854775807)
print(sys.version)
print(sys.version_info, sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info.releaselevel)
print(sys.version_info >= (3, 8), sys.version_info < (3, 12), (3, 11) <= sys.version_info, tuple(sys.version_info), len(sys.version_info))
major, minor, *_ = sys.version_info
print(major, minor, sys.version.split()[0], sys.byteorder)
