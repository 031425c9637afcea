// Whether text states an amount: a time, a period, a count, a sum. "几点开门", "多久洗一次"
// ask for one, and a clause that states none cannot answer them.
#pragma once

#include <string_view>

namespace dutydesk {

// True when normalized text has a digit, or a Chinese numeral followed by a unit
// ("两次", "半小时", "三天内"). Requires valid UTF-8.
bool statesQuantity(std::string_view text);

}  // namespace dutydesk
