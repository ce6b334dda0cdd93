// libBigWig (Debian libbigwig-dev) without its curl header: with NOCURL defined, bigWig.h
// declares CURL and CURLcode as opaque stand-ins instead of including <curl/curl.h>, so no
// curl development files are needed. Only local files are read and written (the remote-file
// callback is always NULL); the Debian library itself links libcurl, which does not change
// the structures used here (bigWigFile_t, chromList_t, bwOverlappingIntervals_t).
#define NOCURL
#include <bigWig.h>
