# time.strftime(): the everyday directives, with the current virtual time and with a given struct_time
import time
print(time.strftime("%Y-%m-%d %H:%M:%S"))
print(time.strftime("%X"), time.strftime("%x"), time.strftime("%c"))
time.sleep(45296.25)
print(time.strftime("%H:%M:%S %p %I"))
t = time.gmtime(1700000000)
print(time.strftime("%A %d %B %Y, %a %b %y", t))
print(time.strftime("[%H:%M:%S] started", time.localtime()))
print(time.strftime("100%% sure %%Y", t))
