// Adds a problem to its track's list in problems/tracks.yaml by editing the
// text, not by re-emitting the YAML: the file's comments, line breaks and
// list style are the author's and stay as they were.
#pragma once

#include <string>

namespace judge {

struct TrackEdit {
  std::string text;   // the whole new file, when error is ""
  std::string error;  // for a person: why the list could not be found or edited
};

// Appends `id` to `track`'s `problems:` list: ", id" before the `]` of a flow
// list ([a, b], wrapped under its first entry past 100 columns), or a new
// "- id" line after the last entry of a block list. The result is parsed
// again, and refused unless exactly that one entry was added.
TrackEdit append_to_track(const std::string& tracks_yaml, const std::string& track,
                          const std::string& id);

}  // namespace judge
