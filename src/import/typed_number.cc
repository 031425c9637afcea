#include "import/typed_number.h"

#include "core/chinese_numeral.h"
#include "core/utf8.h"

namespace dutydesk {

namespace {

constexpr int kMaxDigits = 4;

struct Cursor {
  std::string_view text;
  size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  char32_t peek() const {
    if (done()) return 0;
    size_t next = pos;
    return utf8::decode(text, next);
  }
  char32_t take() { return utf8::decode(text, pos); }
};

int digitOf(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= U'０' && cp <= U'９') return static_cast<int>(cp - U'０');
  return -1;
}

bool isChineseNumeralChar(char32_t cp) {
  return std::u32string_view(U"〇零一二三四五六七八九十百千两").find(cp) !=
         std::u32string_view::npos;
}

bool isSpace(char32_t cp) {
  return cp == U' ' || cp == U'\u3000' || cp == U'\t';
}

bool isDot(char32_t cp) {
  return cp == U'.' || cp == U'．';
}

bool isBullet(char32_t cp) {
  return std::u32string_view(U"•●○◆◇■□▪▫►▶➢➤√✓★☆·※-*–◎").find(cp) != std::u32string_view::npos;
}

// Reads decimal digits (ASCII or full-width). `leadingZero` tells whether it began with 0.
std::optional<int> readDigits(Cursor& cursor, bool* leadingZero = nullptr) {
  int value = 0;
  int digits = 0;
  while (!cursor.done() && digitOf(cursor.peek()) >= 0) {
    const int digit = digitOf(cursor.take());
    if (digits == 0 && leadingZero) *leadingZero = digit == 0;
    if (++digits > kMaxDigits) return std::nullopt;
    value = value * 10 + digit;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

std::optional<int> readChineseNumeral(Cursor& cursor) {
  const size_t start = cursor.pos;
  while (!cursor.done() && isChineseNumeralChar(cursor.peek())) cursor.take();
  if (cursor.pos == start) return std::nullopt;
  return parseChineseNumeral(cursor.text.substr(start, cursor.pos - start));
}

// A numeral in 第…章: Arabic, full-width or Chinese.
std::optional<int> readAnyNumeral(Cursor& cursor) {
  if (digitOf(cursor.peek()) >= 0) return readDigits(cursor);
  return readChineseNumeral(cursor);
}

TypedNumber finish(NumberStyle style, std::vector<int> values, Cursor& cursor, size_t start,
                   bool skipPunctuation) {
  TypedNumber number;
  number.style = style;
  number.values = std::move(values);
  number.label = std::string(cursor.text.substr(start, cursor.pos - start));
  while (!cursor.done()) {
    const char32_t cp = cursor.peek();
    const bool punctuation = skipPunctuation && (cp == U'：' || cp == U':' || cp == U'、');
    if (!isSpace(cp) && !punctuation) break;
    number.spaced = number.spaced || isSpace(cp);
    cursor.take();
  }
  number.rest = utf8::trim(cursor.text.substr(cursor.pos));
  return number;
}

std::optional<TypedNumber> parseOrdinalWord(Cursor cursor) {
  const size_t start = cursor.pos;
  cursor.take();  // 第
  const auto value = readAnyNumeral(cursor);
  if (!value || *value <= 0 || cursor.done()) return std::nullopt;
  const char32_t unit = cursor.take();
  NumberStyle style;
  if (unit == U'章') {
    style = NumberStyle::kChapter;
  } else if (unit == U'节') {
    style = NumberStyle::kPart;
  } else if (unit == U'条') {
    style = NumberStyle::kArticle;
  } else {
    return std::nullopt;
  }
  return finish(style, {*value}, cursor, start, true);
}

std::optional<TypedNumber> parseArabic(Cursor cursor) {
  const size_t start = cursor.pos;
  const auto first = readDigits(cursor);
  if (!first || cursor.done()) return std::nullopt;
  std::vector<int> values{*first};
  // Dotted: every further component follows a dot directly, without a leading zero, so that
  // "3.05米" and "0.5" stay sentences.
  while (isDot(cursor.peek())) {
    Cursor after = cursor;
    after.take();
    if (digitOf(after.peek()) < 0) break;
    bool leadingZero = false;
    const auto component = readDigits(after, &leadingZero);
    if (!component || leadingZero || *component == 0) return std::nullopt;
    values.push_back(*component);
    cursor = after;
  }
  if (values.size() > 1) {
    if (*first == 0) return std::nullopt;
    if (digitOf(cursor.peek()) >= 0) return std::nullopt;
    if (isDot(cursor.peek()) || cursor.peek() == U'、') cursor.take();
    return finish(NumberStyle::kDotted, std::move(values), cursor, start, false);
  }
  const char32_t separator = cursor.peek();
  if (isDot(separator) || separator == U'、') {
    cursor.take();
    // "119、110、120" lists numbers, it is not item 119.
    if (digitOf(cursor.peek()) >= 0) return std::nullopt;
    return finish(NumberStyle::kArabic, std::move(values), cursor, start, false);
  }
  if (separator == U')' || separator == U'）') {
    cursor.take();
    return finish(NumberStyle::kArabicParen, std::move(values), cursor, start, false);
  }
  return std::nullopt;
}

std::optional<TypedNumber> parseEnclosed(Cursor cursor) {
  const size_t start = cursor.pos;
  cursor.take();  // ( or （
  NumberStyle style = NumberStyle::kArabicEnclosed;
  std::optional<int> value;
  if (digitOf(cursor.peek()) >= 0) {
    value = readDigits(cursor);
  } else {
    value = readChineseNumeral(cursor);
    style = NumberStyle::kChineseEnclosed;
  }
  if (!value || *value <= 0 || cursor.done()) return std::nullopt;
  const char32_t close = cursor.take();
  if (close != U')' && close != U'）') return std::nullopt;
  return finish(style, {*value}, cursor, start, false);
}

std::optional<TypedNumber> parseChinese(Cursor cursor) {
  const size_t start = cursor.pos;
  const auto value = readChineseNumeral(cursor);
  if (!value || *value <= 0 || cursor.done()) return std::nullopt;
  const char32_t separator = cursor.take();
  if (separator != U'、' && !isDot(separator)) return std::nullopt;
  return finish(NumberStyle::kChinese, {*value}, cursor, start, false);
}

std::optional<TypedNumber> parseCircled(Cursor cursor) {
  const size_t start = cursor.pos;
  const char32_t cp = cursor.take();
  int value = 0;
  if (cp >= U'①' && cp <= U'⑳') value = static_cast<int>(cp - U'①') + 1;
  if (cp >= U'⑴' && cp <= U'⒇') value = static_cast<int>(cp - U'⑴') + 1;
  if (cp >= U'⒈' && cp <= U'⒛') value = static_cast<int>(cp - U'⒈') + 1;
  if (value == 0) return std::nullopt;
  return finish(NumberStyle::kCircled, {value}, cursor, start, false);
}

}  // namespace

std::string TypedNumber::kind() const {
  switch (style) {
    case NumberStyle::kChapter:
      return "第N章";
    case NumberStyle::kPart:
      return "第N节";
    case NumberStyle::kArticle:
      return "第N条";
    case NumberStyle::kDotted:
      return "N" + std::string(values.size() - 1, '.') + "N";
    case NumberStyle::kArabic:
      return "N.";
    case NumberStyle::kArabicParen:
      return "N)";
    case NumberStyle::kArabicEnclosed:
      return "(N)";
    case NumberStyle::kCircled:
      return "①";
    case NumberStyle::kChinese:
      return "一、";
    case NumberStyle::kChineseEnclosed:
      return "(一)";
    case NumberStyle::kBullet:
      return "•";
  }
  return "";
}

std::optional<TypedNumber> parseTypedNumber(std::string_view text) {
  Cursor cursor{text, 0};
  if (cursor.done()) return std::nullopt;
  const char32_t first = cursor.peek();
  if (first == U'第') return parseOrdinalWord(cursor);
  if (digitOf(first) >= 0) return parseArabic(cursor);
  if (first == U'(' || first == U'（') return parseEnclosed(cursor);
  if (isChineseNumeralChar(first)) return parseChinese(cursor);
  if (auto circled = parseCircled(cursor)) return circled;
  if (isBullet(first)) {
    cursor.take();
    // "--" or "**" is a rule or emphasis, not a bullet.
    if (isBullet(cursor.peek())) return std::nullopt;
    auto bullet = finish(NumberStyle::kBullet, {0}, cursor, 0, false);
    if (bullet.rest.empty()) return std::nullopt;
    return bullet;
  }
  return std::nullopt;
}

}  // namespace dutydesk
