# logging, written from the documented behaviour: loggers in a dotted
# hierarchy, levels, handlers, formatters, basicConfig, and the module-level
# functions (which configure the root logger on first use, as CPython's do).
# Times come from the virtual clock. %(lineno)d and %(funcName)s are not
# known to Looplab's logging (they print 0 and '<module>').
import sys
import time as _time

CRITICAL = FATAL = 50
ERROR = 40
WARNING = WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

_level_names = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO",
                DEBUG: "DEBUG", NOTSET: "NOTSET"}
_name_levels = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR, "WARN": WARNING,
                "WARNING": WARNING, "INFO": INFO, "DEBUG": DEBUG, "NOTSET": NOTSET}

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
_start = _time.time()

def getLevelName(level):
    if level in _level_names:
        return _level_names[level]
    if level in _name_levels:
        return _name_levels[level]
    return "Level %s" % level

def addLevelName(level, levelName):
    _level_names[level] = levelName
    _name_levels[levelName] = level

def getLevelNamesMapping():
    return dict(_name_levels)

def _check_level(level):
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        if level not in _name_levels:
            raise ValueError("Unknown level: %r" % level)
        return _name_levels[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))

def _thread_name():
    try:
        import threading
        return threading.current_thread().name
    except Exception:
        return "MainThread"

class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None):
        ct = _time.time()
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        self.filename = pathname
        self.module = "__main__"
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        self.relativeCreated = (ct - _start) * 1000
        self.thread = 1
        self.threadName = _thread_name()
        self.processName = "MainProcess"
        self.process = 1
        self.taskName = None
    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg
    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname,
                                                     self.lineno, self.msg)

def _fmt_time(t, datefmt):
    import datetime
    dt = datetime.datetime.fromtimestamp(t)
    return dt.strftime(datefmt)

class _PercentStyle:
    def __init__(self, fmt):
        self._fmt = fmt
    def usesTime(self):
        return "%(asctime)" in self._fmt
    def format(self, record):
        return self._fmt % record.__dict__

class _StrFormatStyle(_PercentStyle):
    def usesTime(self):
        return "{asctime" in self._fmt
    def format(self, record):
        return self._fmt.format(**record.__dict__)

class _DollarStyle(_PercentStyle):
    def usesTime(self):
        return "$asctime" in self._fmt or "${asctime}" in self._fmt
    def format(self, record):
        import string
        return string.Template(self._fmt).substitute(**record.__dict__)

_STYLES = {"%": (_PercentStyle, BASIC_FORMAT), "{": (_StrFormatStyle, "{levelname}:{name}:{message}"),
           "$": (_DollarStyle, "${levelname}:${name}:${message}")}

class Formatter:
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"
    def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
        if style not in _STYLES:
            raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
        cls, default = _STYLES[style]
        self._style = cls(fmt or ("%(message)s" if style == "%" else default))
        self._fmt = self._style._fmt
        self.datefmt = datefmt
    def formatTime(self, record, datefmt=None):
        if datefmt:
            return _fmt_time(record.created, datefmt)
        s = _fmt_time(record.created, self.default_time_format)
        return self.default_msec_format % (s, record.msecs)
    def formatException(self, ei):
        import traceback
        return "".join(traceback.format_exception(ei[1])).rstrip("\n")
    def usesTime(self):
        return self._style.usesTime()
    def formatMessage(self, record):
        return self._style.format(record)
    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        return s

_defaultFormatter = Formatter()

class Filter:
    def __init__(self, name=""):
        self.name = name
    def filter(self, record):
        if not self.name or self.name == record.name:
            return True
        return record.name.startswith(self.name + ".")

class Filterer:
    def __init__(self):
        self.filters = []
    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)
    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)
    def filter(self, record):
        for f in self.filters:
            ok = f.filter(record) if hasattr(f, "filter") else f(record)
            if not ok:
                return False
        return True

class Handler(Filterer):
    def __init__(self, level=NOTSET):
        super().__init__()
        self.level = _check_level(level)
        self.formatter = None
        self.name = None
    def setLevel(self, level):
        self.level = _check_level(level)
    def setFormatter(self, fmt):
        self.formatter = fmt
    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)
    def handle(self, record):
        if self.filter(record):
            self.emit(record)
            return True
        return False
    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")
    def flush(self):
        pass
    def close(self):
        pass
    def handleError(self, record):
        pass
    def __repr__(self):
        return "<%s (%s)>" % (type(self).__name__, getLevelName(self.level))

class StreamHandler(Handler):
    terminator = "\n"
    def __init__(self, stream=None):
        super().__init__()
        self._stream = stream
    @property
    def stream(self):
        return sys.stderr if self._stream is None else self._stream
    def emit(self, record):
        msg = self.format(record)
        self.stream.write(msg + self.terminator)
    def setStream(self, stream):
        old = self._stream
        self._stream = stream
        return old
    def __repr__(self):
        name = getattr(self.stream, "name", None)
        if name is None:
            name = "<stderr>" if self._stream is None else ""
        return "<%s %s(%s)>" % (type(self).__name__, name, getLevelName(self.level))

class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        raise PermissionError("[Errno 1] Operation not permitted: %r (the playground has no files; log to a StreamHandler)" % (filename,))

class NullHandler(Handler):
    def emit(self, record):
        pass
    def handle(self, record):
        pass

class _StderrHandler(StreamHandler):
    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)
        self._stream = None

lastResort = _StderrHandler(WARNING)
_disable = 0

class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        super().__init__()
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
    def setLevel(self, level):
        self.level = _check_level(level)
    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET
    def isEnabledFor(self, level):
        if self.disabled or _disable >= level:
            return False
        return level >= self.getEffectiveLevel()
    def getChild(self, suffix):
        if self is root:
            return getLogger(suffix)
        return getLogger(self.name + "." + suffix)
    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)
    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)
    def hasHandlers(self):
        c = self
        while c:
            if c.handlers:
                return True
            if not c.propagate:
                return False
            c = c.parent
        return False
    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        exc_text = None
        if exc_info:
            import traceback
            if isinstance(exc_info, BaseException):
                exc_text = "".join(traceback.format_exception(exc_info))
            elif isinstance(exc_info, tuple):
                exc_text = "".join(traceback.format_exception(exc_info[1]))
            else:
                exc_text = traceback.format_exc()
            exc_text = exc_text.rstrip("\n")
        record = LogRecord(self.name, level, "<lesson>", 0, msg, args, exc_info, "<module>")
        record.exc_text = exc_text
        if extra:
            for k, v in extra.items():
                if k in ("message", "asctime") or k in record.__dict__:
                    raise KeyError("Attempt to overwrite %r in LogRecord" % k)
                setattr(record, k, v)
        if not self.disabled and self.filter(record):
            self.callHandlers(record)
    def callHandlers(self, record):
        c = self
        found = 0
        while c:
            for h in c.handlers:
                found += 1
                if record.levelno >= h.level:
                    h.handle(record)
            if not c.propagate:
                c = None
            else:
                c = c.parent
        if found == 0 and lastResort is not None and record.levelno >= lastResort.level:
            lastResort.handle(record)
    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)
    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)
    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)
    warn = warning
    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)
    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)
    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)
    fatal = critical
    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            raise TypeError("level must be an integer")
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)
    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))

class RootLogger(Logger):
    def __init__(self, level):
        super().__init__("root", level)

class LoggerAdapter:
    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra
    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs
    def log(self, level, msg, *args, **kwargs):
        msg, kwargs = self.process(msg, kwargs)
        self.logger.log(level, msg, *args, **kwargs)
    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)
    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)
    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)
    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)
    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

root = RootLogger(WARNING)
_loggers = {}

def getLogger(name=None):
    if not name or name == "root":
        return root
    if not isinstance(name, str):
        raise TypeError("A logger name must be a string")
    lg = _loggers.get(name)
    if lg is None:
        lg = Logger(name)
        _loggers[name] = lg
        # Parent: the nearest existing ancestor; children re-parented.
        parent = root
        parts = name.split(".")
        for i in range(len(parts) - 1, 0, -1):
            p = _loggers.get(".".join(parts[:i]))
            if p is not None:
                parent = p
                break
        lg.parent = parent
        prefix = name + "."
        for other in _loggers.values():
            if other.name.startswith(prefix) and (other.parent is parent):
                other.parent = lg
    return lg

def basicConfig(**kwargs):
    force = kwargs.pop("force", False)
    if force:
        for h in root.handlers[:]:
            root.removeHandler(h)
    if root.handlers:
        return
    handlers = kwargs.pop("handlers", None)
    stream = kwargs.pop("stream", None)
    filename = kwargs.pop("filename", None)
    if handlers is not None and (stream is not None or filename is not None):
        raise ValueError("'stream' or 'filename' should not be specified together with 'handlers'")
    if stream is not None and filename is not None:
        raise ValueError("'stream' and 'filename' should not be specified together")
    if handlers is None:
        if filename is not None:
            handlers = [FileHandler(filename, kwargs.pop("filemode", "a"))]
        else:
            handlers = [StreamHandler(stream)]
    kwargs.pop("filemode", None)
    kwargs.pop("encoding", None)
    kwargs.pop("errors", None)
    style = kwargs.pop("style", "%")
    if style not in _STYLES:
        raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
    fs = kwargs.pop("format", _STYLES[style][1])
    dfs = kwargs.pop("datefmt", None)
    fmt = Formatter(fs, dfs, style)
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(fmt)
        root.addHandler(h)
    level = kwargs.pop("level", None)
    if level is not None:
        root.setLevel(level)
    if kwargs:
        raise ValueError("Unrecognised argument(s): %s" % ", ".join(kwargs.keys()))

def _auto():
    if not root.handlers:
        basicConfig()

def debug(msg, *args, **kwargs):
    _auto()
    root.debug(msg, *args, **kwargs)

def info(msg, *args, **kwargs):
    _auto()
    root.info(msg, *args, **kwargs)

def warning(msg, *args, **kwargs):
    _auto()
    root.warning(msg, *args, **kwargs)

warn = warning

def error(msg, *args, **kwargs):
    _auto()
    root.error(msg, *args, **kwargs)

def exception(msg, *args, exc_info=True, **kwargs):
    _auto()
    root.error(msg, *args, exc_info=exc_info, **kwargs)

def critical(msg, *args, **kwargs):
    _auto()
    root.critical(msg, *args, **kwargs)

fatal = critical

def log(level, msg, *args, **kwargs):
    _auto()
    root.log(level, msg, *args, **kwargs)

def disable(level=CRITICAL):
    global _disable
    _disable = _check_level(level)

def shutdown():
    pass

def captureWarnings(capture):
    pass

def getLoggerClass():
    return Logger
