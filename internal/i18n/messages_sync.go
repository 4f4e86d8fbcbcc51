package i18n

func init() { register(syncMessages) }

// syncMessages: enrolment at the district hub and sync (briefing enroll,
// briefing sync, briefing sync status).
var syncMessages = map[string][2]string{
	// Help.
	"cli.help.cmd.enroll":      {"ghi danh máy này với máy chủ của quận, một lần: briefing enroll URL MÃ, hoặc briefing enroll TỆP (tệp ghi danh JSON cho máy chưa từng lên mạng)", "enrol this device at the district hub, once: briefing enroll URL CODE, or briefing enroll FILE (a JSON enrolment file for a laptop never online)"},
	"cli.help.cmd.sync":        {"gửi nhật ký thay đổi lên máy chủ quận, rồi nhận bộ trình chiếu, danh mục đơn vị và câu trả lời", "push the change log to the district hub, then pull decks, the unit catalog and answers"},
	"cli.help.cmd.sync.status": {"máy chủ, lần đồng bộ cuối và số thay đổi chưa gửi", "the hub, the last sync and the changes not yet acknowledged"},
	"cli.help.flag.sync.hub":   {"địa chỉ máy chủ lần này (vẫn kiểm tra chứng chỉ bằng mã ghim đã lưu)", "the hub's address this time (the certificate is still checked against the saved pin)"},

	// Enrolment.
	"sync.enroll.done":        {"Đã ghi danh máy này với máy chủ %s (mã máy chủ %s): đơn vị %s.", "This device is enrolled at hub %s (hub id %s): unit %s."},
	"sync.enroll.keys":        {"Khóa của máy được lưu riêng trong %s (chỉ người dùng này đọc được), không nằm trong cơ sở dữ liệu: sao lưu thư mục dữ liệu thì sao lưu cả tệp này.", "The device's keys are kept apart in %s (readable by this user only), not in the database: back up the data directory with this file."},
	"sync.enroll.file":        {"Không đọc được tệp ghi danh %s: %v. Tệp cần các trường \"url\", \"code\" và \"pin\" như lệnh briefing hub enroll -o ghi ra.", "Cannot read the enrolment file %s: %v. It needs the fields \"url\", \"code\" and \"pin\" as briefing hub enroll -o writes them."},
	"sync.enroll.args":        {"Cần URL và MÃ (briefing enroll https://MÁY-CHỦ:8443 MÃ), hoặc một TỆP ghi danh.", "Give URL and CODE (briefing enroll https://HUB:8443 CODE), or an enrolment FILE."},
	"sync.endpoint.not_url":   {"Địa chỉ máy chủ %q không dùng được: cần dạng https://ĐỊA-CHỈ:CỔNG.", "Cannot use the hub's address %q: want https://HOST:PORT."},
	"sync.endpoint.no_pin":    {"Địa chỉ máy chủ %q: máy chủ https cần dấu vân tay chứng chỉ, là phần sau dấu chấm cuối của mã ghi danh (MÃ.VÂNTAY).", "Hub address %q: an https hub needs its certificate pin, the part after the last dot of the enrolment code (CODE.PIN)."},
	"sync.endpoint.bad_pin":   {"Địa chỉ máy chủ %q: dấu vân tay chứng chỉ (phần sau dấu chấm cuối của mã) không đúng dạng; chép lại mã đầy đủ từ cán bộ quận.", "Hub address %q: the certificate pin (after the code's last dot) is malformed; copy the whole code again from the district staff."},
	"sync.endpoint.http_only": {"Địa chỉ máy chủ %q: http thường chỉ được dùng trên chính máy này (127.0.0.1); hãy dùng https.", "Hub address %q: plain http is allowed only on this computer (127.0.0.1); use https."},
	"sync.endpoint":           {"Địa chỉ máy chủ không dùng được: %v.", "Cannot use the hub's address: %v."},
	"sync.keys.other":         {"Tệp khóa %s thuộc về một máy khác (%v). Cơ sở dữ liệu này đã được chép sang mà không kèm tệp khóa của nó: đặt lại đúng tệp, hoặc dời tệp này đi rồi ghi danh lại.", "The keys file %s belongs to another device (%v). This database was copied without its own keys file: put the right file back, or move this one away and enrol again."},
	"sync.keys.read":          {"Không đọc được tệp khóa %s: %v.", "Cannot read the keys file %s: %v."},
	"sync.not_enrolled":       {"Máy này chưa ghi danh với máy chủ quận: chạy briefing enroll URL MÃ trước (xin mã ở cán bộ quận).", "This device is not enrolled at a district hub: run briefing enroll URL CODE first (ask the district staff for a code)."},
	"sync.code.code_used":     {"Mã ghi danh này đã được dùng cho một máy khác. Xin cán bộ quận một mã mới (briefing hub enroll).", "This enrolment code was used by another device. Ask the district staff for a new code (briefing hub enroll)."},
	"sync.code.code_expired":  {"Mã ghi danh đã hết hạn (mã dùng được 72 giờ). Xin cán bộ quận một mã mới.", "The enrolment code has expired (codes last 72 hours). Ask the district staff for a new one."},
	"sync.code.code_unknown":  {"Máy chủ không biết mã ghi danh này: kiểm tra lại từng ký tự của mã, hoặc xin mã mới.", "The hub does not know this enrolment code: check every character of it, or ask for a new one."},

	// Sync errors: every one says that nothing on the device was lost.
	"sync.code.revoked":   {"Máy chủ %s đã thu hồi quyền của máy này: không đồng bộ nữa. Mọi hồ sơ trên máy vẫn được giữ nguyên; xin cán bộ quận một mã ghi danh mới rồi chạy: briefing enroll ĐỊA-CHỈ MÃ", "Hub %s has revoked this device: it no longer syncs. Every record on this device is kept; ask the district staff for a new enrolment code, then run: briefing enroll URL CODE"},
	"sync.code.conflict":  {"Máy chủ đã có thay đổi số %d của máy này với nội dung khác; nó được cách ly để người kiểm tra, không ghi đè. Đồng bộ dừng lại, mọi hồ sơ vẫn giữ nguyên. Báo cho cán bộ quận mã máy %s và số %d.", "The hub already holds this device's change %d with other content; it is quarantined for a person to check, never overwritten. Sync stopped and every record is kept. Tell the district staff device %s and number %d."},
	"sync.code.invalid":   {"Máy chủ từ chối thay đổi số %d (trường %s): %s. Đồng bộ dừng lại, mọi hồ sơ vẫn giữ nguyên; báo cho cán bộ quận.", "The hub refused change %d (field %s): %s. Sync stopped and every record is kept; tell the district staff."},
	"sync.code.unknown":   {"Máy chủ %s không nhận ra máy này (%s). Ghi danh lại với mã mới: briefing enroll URL MÃ. Mọi hồ sơ vẫn giữ nguyên.", "Hub %s does not recognise this device (%s). Enrol again with a new code: briefing enroll URL CODE. Every record is kept."},
	"sync.code.protocol":  {"Máy chủ dùng một phiên bản giao thức khác: cập nhật chương trình briefing trên máy này.", "The hub speaks another protocol version: update the briefing program on this device."},
	"sync.code.too_large": {"Máy chủ từ chối một lần gửi vì quá lớn: %s.", "The hub refused a push as too large: %s."},
	"sync.code.other":     {"Máy chủ %s từ chối yêu cầu (%d %s): %s. Mọi hồ sơ vẫn giữ nguyên.", "Hub %s refused the request (%d %s): %s. Every record is kept."},
	"sync.network.enroll": {"Không kết nối được với máy chủ %s sau nhiều lần thử: %v. Chưa ghi danh; kiểm tra mạng và địa chỉ rồi chạy lại briefing enroll với cùng mã.", "Could not reach hub %s after several tries: %v. Not enrolled yet; check the network and the address, then run briefing enroll again with the same code."},
	"sync.network":        {"Không đồng bộ được với máy chủ %s sau nhiều lần thử: %v. Hồ sơ vẫn nằm trên máy; chạy lại briefing sync khi có mạng.", "Could not sync with hub %s after several tries: %v. The records stay on this device; run briefing sync again when the network is back."},
	"sync.pin":            {"Chứng chỉ của máy chủ %s không khớp với mã ghim đã lưu: không gửi gì. Kiểm tra địa chỉ; nếu máy chủ đã đổi chứng chỉ, xin cán bộ quận mã ghi danh mới.", "The certificate of hub %s does not match the saved pin: nothing was sent. Check the address; if the hub changed its certificate, ask the district staff for a new enrolment code."},
	"sync.local_ahead":    {"Máy chủ đã nhận nhiều thay đổi hơn máy này đang có (%v): cơ sở dữ liệu có lẽ được khôi phục từ bản cũ. Đồng bộ dừng lại, không gửi gì; báo cho cán bộ quận.", "The hub holds more changes than this device has (%v): the database was probably restored from an older copy. Sync stopped and sent nothing; tell the district staff."},
	"sync.failed":         {"Đồng bộ không xong: %v. Mọi hồ sơ vẫn giữ nguyên; chạy lại briefing sync.", "Sync did not finish: %v. Every record is kept; run briefing sync again."},
	"sync.retry":          {"Máy chủ chưa trả lời được (%v): thử lại sau %s.", "The hub did not answer (%v): trying again in %s."},

	// Progress and summary.
	"sync.progress.push":    {"Đang gửi", "Pushing"},
	"sync.progress.pull":    {"Đang nhận", "Pulling"},
	"sync.line.push":        {"đã gửi %d/%d thay đổi", "pushed %d/%d changes"},
	"sync.line.pull":        {"đã nhận %d mục", "pulled %d items"},
	"sync.summary.pushonly": {"Đã gửi %d thay đổi; không có gì mới từ máy chủ.", "Pushed %d changes; nothing new from the hub."},
	"sync.summary":          {"Đã gửi %d thay đổi; đã nhận %d mục: %d bộ trình chiếu, %d đơn vị, %d cách viết tên đơn vị, %d câu trả lời.", "Pushed %d changes; pulled %d items: %d decks, %d units, %d unit spellings, %d answers."},
	"sync.pending":          {"Còn %d thay đổi chưa được máy chủ xác nhận.", "%d changes not yet acknowledged by the hub."},
	"sync.clock":            {"Giờ máy chủ: %s. Đồng hồ của máy này lệch %s: hãy chỉnh lại đồng hồ.", "Hub time: %s. This device's clock is %s off: please set it right."},
	"sync.clock_ahead":      {"%d thay đổi mang dấu thời gian đi trước giờ máy chủ hơn vài phút: máy chủ đã đánh dấu chúng; hãy chỉnh đồng hồ của máy này.", "%d changes carry a stamp minutes ahead of the hub's clock: the hub flagged them; please set this device's clock right."},

	// Status.
	"sync.status.hub":       {"Máy chủ:\t%s (%s)", "Hub:\t%s (%s)"},
	"sync.status.unit":      {"Đơn vị:\t%s", "Unit:\t%s"},
	"sync.status.last":      {"Lần đồng bộ cuối:\t%s (%s)", "Last sync:\t%s (%s)"},
	"sync.status.never":     {"Lần đồng bộ cuối:\tchưa lần nào", "Last sync:\tnever"},
	"sync.status.pending":   {"Chưa gửi:\t%d thay đổi", "Pending:\t%d changes"},
	"sync.status.cursor":    {"Con trỏ nhận:\t%d", "Pull cursor:\t%d"},
	"sync.result.ok":        {"xong", "ok"},
	"sync.result.error":     {"lỗi mạng hoặc lỗi máy", "network or local error"},
	"sync.result.revoked":   {"máy bị thu hồi", "device revoked"},
	"sync.result.conflict":  {"trùng số thay đổi", "change number conflict"},
	"sync.result.invalid":   {"máy chủ từ chối một thay đổi", "hub refused a change"},
	"sync.result.unknown":   {"máy chủ không biết máy này", "device unknown to the hub"},
	"sync.result.signature": {"chữ ký không khớp", "signature mismatch"},
	"sync.result.protocol":  {"khác phiên bản giao thức", "protocol version mismatch"},
	"sync.result.too_large": {"gói quá lớn", "batch too large"},
	"sync.result.busy":      {"máy chủ bận", "hub busy"},
	"sync.result.other":     {"lỗi %s", "error %s"},
}
