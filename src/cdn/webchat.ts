/** `conecta-webchat.js`, for a plain `<script>` tag on a website: defines `<conecta-webchat>`. */
import '../webchat.js';
