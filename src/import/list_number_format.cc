#include "import/list_number_format.h"

#include <array>

#include "core/utf8.h"

namespace dutydesk {

namespace {

constexpr std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四",
                                                      "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 10> kLegalDigits = {"零", "壹", "贰", "叁", "肆",
                                                           "伍", "陆", "柒", "捌", "玖"};

struct NumeralSet {
  const std::array<std::string_view, 10>& digits;
  std::string_view ten, hundred, thousand, zero;
  bool oneBeforeTen;  // 壹拾 in legal numbering, plain 十 in counting
};

constexpr NumeralSet kCounting{kDigits, "十", "百", "千", "〇", false};
constexpr NumeralSet kLegal{kLegalDigits, "拾", "佰", "仟", "零", true};

// Below one hundred: 十, 十一, 二十, 二十一 (with a leading one only in legal numbering).
std::string tens(int value, const NumeralSet& set, bool leadingOne) {
  std::string out;
  const int ten = value / 10;
  const int one = value % 10;
  if (ten > 0) {
    if (ten > 1 || leadingOne || set.oneBeforeTen) out += set.digits[static_cast<size_t>(ten)];
    out += set.ten;
  }
  if (one > 0) out += set.digits[static_cast<size_t>(one)];
  return out;
}

// Word's chineseCountingThousand (and legal) numbering, from the values it documents: 一百零一
// is written 一百〇一, 一百一十 keeps the one before 十, 一千〇一十.
std::string thousands(int value, const NumeralSet& set) {
  if (value < 100) return tens(value, set, false);
  std::string out;
  int rest = value;
  if (rest >= 1000) {
    out += set.digits[static_cast<size_t>(rest / 1000)];
    out += set.thousand;
    rest %= 1000;
    if (rest == 0) return out;
    if (rest < 100) {
      out += set.zero;
      out += tens(rest, set, true);
      return out;
    }
  }
  out += set.digits[static_cast<size_t>(rest / 100)];
  out += set.hundred;
  rest %= 100;
  if (rest == 0) return out;
  if (rest < 10) {
    out += set.zero;
    out += set.digits[static_cast<size_t>(rest)];
    return out;
  }
  out += tens(rest, set, true);
  return out;
}

std::string digitByDigit(int value) {
  std::string out;
  for (char c : std::to_string(value)) out += kDigits[static_cast<size_t>(c - '0')];
  return out;
}

std::string fullWidth(int value) {
  std::string out;
  for (char c : std::to_string(value)) utf8::append(out, U'０' + static_cast<char32_t>(c - '0'));
  return out;
}

std::string fromRange(int value, char32_t first, int count) {
  if (value < 1 || value > count) return std::to_string(value);
  std::string out;
  utf8::append(out, first + static_cast<char32_t>(value - 1));
  return out;
}

std::string fromList(int value, std::initializer_list<std::string_view> names) {
  if (value < 1 || static_cast<size_t>(value) > names.size()) return std::to_string(value);
  return std::string(*(names.begin() + (value - 1)));
}

// Word repeats the letter: 27 → "aa", 53 → "aaa".
std::string letters(int value, char first) {
  if (value < 1) return std::to_string(value);
  const int repeat = (value - 1) / 26 + 1;
  return std::string(static_cast<size_t>(repeat), static_cast<char>(first + (value - 1) % 26));
}

std::string roman(int value, bool upper) {
  if (value < 1 || value > 3999) return std::to_string(value);
  static constexpr std::array<std::pair<int, std::string_view>, 13> kParts = {{
      {1000, "m"},
      {900, "cm"},
      {500, "d"},
      {400, "cd"},
      {100, "c"},
      {90, "xc"},
      {50, "l"},
      {40, "xl"},
      {10, "x"},
      {9, "ix"},
      {5, "v"},
      {4, "iv"},
      {1, "i"},
  }};
  std::string out;
  for (const auto& [amount, text] : kParts) {
    while (value >= amount) {
      out += text;
      value -= amount;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

std::string chineseCounting(int value) {
  if (value < 1) return std::to_string(value);
  if (value < 100) return tens(value, kCounting, false);
  if (value < 10000) return digitByDigit(value);
  return std::to_string(value);
}

std::optional<std::string> formatListNumber(int value, std::string_view format) {
  if (format == "decimal" || format == "decimalHalfWidth") return std::to_string(value);
  if (format == "decimalZero") return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") return fullWidth(value);
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") {
    return fromRange(value, U'①', 20);
  }
  if (format == "decimalEnclosedFullstop") return fromRange(value, U'⒈', 20);
  if (format == "decimalEnclosedParen") return fromRange(value, U'⑴', 20);
  if (format == "chineseCounting" || format == "taiwaneseCounting") return chineseCounting(value);
  if (format == "chineseCountingThousand" || format == "taiwaneseCountingThousand") {
    return value >= 1 && value < 10000 ? thousands(value, kCounting) : std::to_string(value);
  }
  if (format == "chineseLegalSimplified") {
    return value >= 1 && value < 10000 ? thousands(value, kLegal) : std::to_string(value);
  }
  if (format == "ideographDigital" || format == "taiwaneseDigital") {
    return value >= 0 ? digitByDigit(value) : std::to_string(value);
  }
  if (format == "ideographTraditional") {
    return fromList(value, {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"});
  }
  if (format == "ideographZodiac") {
    return fromList(value,
                    {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"});
  }
  if (format == "lowerLetter") return letters(value, 'a');
  if (format == "upperLetter") return letters(value, 'A');
  if (format == "lowerRoman") return roman(value, false);
  if (format == "upperRoman") return roman(value, true);
  if (format == "none") return std::string();
  return std::nullopt;
}

}  // namespace dutydesk
