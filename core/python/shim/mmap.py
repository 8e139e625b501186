"""Python's mmap module, served by hexmap's core (the hexmap_mmap extension module).

Put this folder first on PYTHONPATH, the extension module's folder after it: `import
mmap` then gives hexmap's map. HEXMAP is True here, and absent from CPython's module.
"""

from hexmap_mmap import *  # noqa: F401,F403
from hexmap_mmap import error, mmap  # noqa: F401

HEXMAP = True
