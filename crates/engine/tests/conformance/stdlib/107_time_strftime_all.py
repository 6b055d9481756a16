# time.strftime(): every C-locale directive (week numbers, day of year, ISO weeks, %e %k %l %s ...)
import time
fmt = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%G|%g|%h|%H|%I|%j|%k|%l|%m|%M|%n|%p|%P|%r|%R|%s|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%"
for s in (0, 86400 * 3, 1704067200, 1735603200, 1609459200, 1230681600, 1e9, 1719792000):
    print(repr(time.strftime(fmt, time.gmtime(s))))
