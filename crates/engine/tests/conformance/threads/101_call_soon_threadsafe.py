# call_soon_threadsafe schedules a callback on a loop running in another thread.
import asyncio
import threading

loop = asyncio.new_event_loop()

def runner():
    asyncio.set_event_loop(loop)
    loop.run_forever()
    print("loop thread ends")

t = threading.Thread(target=runner, name="loop")
t.start()
loop.call_soon_threadsafe(print, "hello from", "the loop")
loop.call_soon_threadsafe(lambda: print("in", threading.current_thread().name))
loop.call_soon_threadsafe(loop.stop)
t.join()
loop.close()
