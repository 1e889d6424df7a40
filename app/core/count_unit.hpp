#pragma once
// What a count counts. Cases, patients, lesions and images are different things (a series is one
// case of many patients; a public table has several images of one lesion), so every number the
// atlas shows carries one of these.
namespace la {

enum class CountUnit { Cases, Patients, Lesions, Images };

}  // namespace la
