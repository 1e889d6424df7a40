#!/usr/bin/env python3
"""Writes a SYNTHETIC case table for scale measurements (no row is a real case or image).

  gen_synthetic_table.py ham ROWS OUT.csv       HAM10000 layout (7 columns, Kaggle form), read with
                                                --mapping ham10000; about 4 images per 3 lesions as
                                                in HAM10000 (10,015 images of 7,470 lesions); the
                                                images of one lesion agree on age, sex and site.
  gen_synthetic_table.py builtin ROWS OUT.csv   the built-in calcinosis layout, every column filled

Output is deterministic (same bytes on every run). Write it under build/ or /tmp, never under assets/.
"""
import sys

LOC = ["back", "lower extremity", "trunk", "upper extremity", "abdomen", "face", "chest", "foot",
       "unknown", "neck", "scalp", "hand", "ear", "genital", "acral"]
SEX = ["male", "female", "unknown"]
DX = ["nv", "mel", "bkl", "bcc", "akiec", "vasc", "df"]


def mix(x):
    # A fixed integer hash: the lesion's attributes follow from its number alone.
    x = (x * 0x9E3779B1 + 0x7F4A7C15) & 0xFFFFFFFF
    x ^= x >> 15
    x = (x * 0x85EBCA77) & 0xFFFFFFFF
    x ^= x >> 13
    return x


def ham(rows, out):
    out.write("lesion_id,image_id,dx,dx_type,age,sex,localization\r\n")
    for i in range(rows):
        lesion = i * 3 // 4
        h = mix(lesion)
        out.write("SYN_%07d,SYNIMG_%07d,%s,histo,%d.0,%s,%s\r\n" % (
            lesion, i, DX[h % 7], 5 * ((h >> 3) % 18), SEX[(h >> 8) % 3], LOC[(h >> 12) % 15]))


def builtin(rows, out):
    sites = ["thigh:right", "scrotum", "face:left;ear", "great-toe:left", "buttock:bilateral;hip",
             "unspecified", "hand;foot;face", "elbow:left"]
    subtypes = ["idiopathic", "dystrophic", "metastatic", "iatrogenic", "calciphylaxis", "unspecified"]
    out.write("case_id,citation,doi,pmid,source_url,year,age_years,age_min,age_max,sex,site_verbatim,"
              "site_normalized,laterality,sites,sites_note,subtype,variant,ossification,lesion_size_cm,duration,"
              "associated_condition,evidence,n_cases,provenance_note\n")
    for i in range(rows):
        h = mix(i)
        series = h % 10 == 0
        age = ",%d,%d" % (h % 40, 40 + (h >> 6) % 40) if series else "%d,," % (h % 90)
        out.write('SYN%d,"Synthetic A, Synthetic B. Synthetic benchmark row %d. Bench J 2020;1:1-2",'
                  '10.0000/synthetic.%d,,https://example.invalid/%d,2020,%s,%s,"synthetic wording, with a comma",'
                  'multiple,,%s,"note with ""quotes""",%s,tumoral calcinosis,,1x2,2 years,,'
                  '"synthetic evidence quote, not real",%s,\n' % (
                      i, i, i, i, age, "F" if (h >> 4) % 2 else "M", sites[(h >> 9) % 8],
                      subtypes[(h >> 12) % 6], str(2 + (h >> 16) % 20) if series else "1"))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("ham", "builtin"):
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[3], "w", newline="") as out:
        (ham if sys.argv[1] == "ham" else builtin)(int(sys.argv[2]), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
